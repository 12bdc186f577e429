/**
 * Extracts, from the protocols' published npm packages, the ABI items of the functions Stakelens
 * reads, into tests/fixtures/artifacts/npm/<id>.json, with the package, version, integrity and the
 * file inside it. tests/unit/abi-artifacts.test.ts pins our signatures against these files.
 *
 *   npx tsx scripts/artifacts/extract-from-npm.ts
 *
 * Needs the npm registry (npm pack); the tests need only the extracted files.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { keccak256, type AbiFunction, type Hex } from 'viem';
import { LAYERZERO } from '../../lib/chain/layerzero';
import { registry } from '../../lib/tokens/registry';

interface NpmArtifactSpec {
  id: string;
  contract: string;
  package: string;
  version: string;
  /** The file in the package holding the ABI: a JSON artifact, a bare ABI array, or a typechain factory. */
  file: string;
  functions: string[];
  /** Where the reads of this interface go: chain:address list, or 'any' for interfaces every venue of a kind shares. */
  appliesTo: string[] | 'any';
  why: string;
  /** Claims our code relies on, each found in the package's own source by a pattern (the line is recorded). */
  facts?: { claim: string; file: string; pattern: string }[];
  /** An artifact whose creation code's keccak256 we rely on (CREATE2 pool addresses). */
  initCodeOf?: string;
}

const OUT = join(import.meta.dirname, '../../tests/fixtures/artifacts/npm');

const layerZeroChains = Object.entries(LAYERZERO);
const LAYERZERO_ENDPOINT = layerZeroChains.map(([chainId, lz]) => `${chainId}:${lz.endpoint}`);
const LAYERZERO_RECEIVE_ULN302 = layerZeroChains.map(([chainId, lz]) => `${chainId}:${lz.receiveUln302}`);

export const SPECS: NpmArtifactSpec[] = [
  {
    id: 'lido-steth',
    contract: 'stETH (Lido)',
    package: '@lido-sdk/contracts',
    version: '3.0.5',
    file: 'dist/cjs/generated/factories/StethAbi__factory.js',
    functions: ['getPooledEthByShares', 'getBufferedEther', 'isStakingPaused', 'isStopped'],
    appliesTo: ['1:0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84'],
    why: 'Lido’s own SDK ships the stETH ABI',
  },
  {
    id: 'lido-wsteth',
    contract: 'wstETH (Lido)',
    package: '@lido-sdk/contracts',
    version: '3.0.5',
    file: 'dist/cjs/generated/factories/WstethAbi__factory.js',
    functions: ['stEthPerToken', 'balanceOf', 'totalSupply'],
    appliesTo: ['1:0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0'],
    why: 'Lido’s own SDK ships the wstETH ABI',
  },
  {
    id: 'lido-withdrawal-queue',
    contract: 'WithdrawalQueueERC721 (Lido)',
    package: '@lido-sdk/contracts',
    version: '3.0.5',
    file: 'dist/cjs/generated/factories/WithdrawalQueueAbi__factory.js',
    functions: ['unfinalizedStETH', 'isBunkerModeActive', 'isPaused'],
    appliesTo: ['1:0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1'],
    why: 'Lido’s own SDK ships the withdrawal queue ABI',
  },
  {
    id: 'chainlink-aggregator-v3',
    contract: 'AggregatorV3Interface (Chainlink)',
    package: '@chainlink/contracts',
    version: '1.5.0',
    file: 'abi/v0.8/shared/AggregatorV3Interface.abi.json',
    functions: ['latestRoundData', 'decimals'],
    appliesTo: 'any',
    why: 'every Chainlink price feed (and the exchange-rate feeds that copy its interface) answers latestRoundData',
  },
  {
    id: 'uniswap-v3-pool',
    contract: 'IUniswapV3Pool (Uniswap v3)',
    package: '@uniswap/v3-core',
    version: '1.0.1',
    file: 'artifacts/contracts/interfaces/IUniswapV3Pool.sol/IUniswapV3Pool.json',
    functions: ['slot0', 'liquidity', 'token0', 'token1'],
    appliesTo: 'any',
    why: 'pools stand at CREATE2 addresses from the factory, all with this interface',
    facts: [
      { claim: 'slot0().sqrtPriceX96 is sqrt(token1/token0) as a Q64.96 number', file: 'contracts/interfaces/pool/IUniswapV3PoolState.sol', pattern: 'sqrtPriceX96 .*sqrt\\(token1/token0\\) Q64\\.96' },
      { claim: 'token0 is the lower address of the pair', file: 'contracts/interfaces/pool/IUniswapV3PoolImmutables.sol', pattern: 'first of the two tokens .*sorted by address' },
    ],
    initCodeOf: 'artifacts/contracts/UniswapV3Pool.sol/UniswapV3Pool.json',
  },
  {
    id: 'openzeppelin-ierc20',
    contract: 'IERC20 (OpenZeppelin)',
    package: '@openzeppelin/contracts',
    version: '5.7.0',
    file: 'build/contracts/IERC20.json',
    functions: ['totalSupply', 'balanceOf'],
    appliesTo: 'any',
    why: 'the ERC-20 standard interface every token implements',
  },
  {
    id: 'openzeppelin-ierc4626',
    contract: 'IERC4626 (OpenZeppelin)',
    package: '@openzeppelin/contracts',
    version: '5.7.0',
    file: 'build/contracts/IERC4626.json',
    functions: ['convertToAssets'],
    appliesTo: ['1:0xD9A442856C234a39a81a089C06451EBAa4306a72'],
    why: 'PufferVault is an ERC-4626 vault (pufferfinance/puffer-contracts: PufferVaultV5 is ERC4626Upgradeable)',
  },
  {
    id: 'openzeppelin-iaccessmanager',
    contract: 'IAccessManager (OpenZeppelin)',
    package: '@openzeppelin/contracts',
    version: '5.7.0',
    file: 'build/contracts/IAccessManager.json',
    functions: ['isTargetClosed'],
    appliesTo: ['1:0x8c1686069474410E6243425f4a10177a94EBEE11'],
    why: 'Puffer’s AccessManager is OpenZeppelin’s AccessManager (pufferfinance/puffer-contracts README)',
  },
  {
    id: 'layerzero-endpoint-v2',
    contract: 'IMessageLibManager (LayerZero EndpointV2)',
    package: '@layerzerolabs/lz-evm-protocol-v2',
    version: '3.0.168',
    file: 'artifacts/contracts/interfaces/IMessageLibManager.sol/IMessageLibManager.json',
    functions: ['getReceiveLibrary'],
    appliesTo: LAYERZERO_ENDPOINT,
    why: 'EndpointV2 implements IMessageLibManager',
  },
  {
    id: 'layerzero-receive-uln302',
    contract: 'ReceiveUln302 (LayerZero)',
    package: '@layerzerolabs/lz-evm-messagelib-v2',
    version: '3.0.168',
    file: 'artifacts/contracts/uln/uln302/ReceiveUln302.sol/ReceiveUln302.json',
    functions: ['getUlnConfig'],
    appliesTo: LAYERZERO_RECEIVE_ULN302,
    why: 'the receive library whose verifier config the bridge layer reads',
  },
];

/** Typechain factories hold the ABI as `const _abi = [...]`; run the file with a stand-in require. */
function abiFromFactory(source: string): AbiFunction[] {
  const module = { exports: {} as Record<string, { abi?: unknown }> };
  const stub = new Proxy({}, { get: () => class {} });
  vm.runInNewContext(source, { module, exports: module.exports, require: () => stub, Object });
  const factory = Object.values(module.exports).find((value) => value && typeof value === 'function' && 'abi' in value) as { abi: AbiFunction[] } | undefined;
  if (!factory) throw new Error('no factory with an abi in the file');
  return factory.abi;
}

function abiOf(path: string): AbiFunction[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.js')) return abiFromFactory(text);
  const json = JSON.parse(text) as AbiFunction[] | { abi: AbiFunction[] };
  return Array.isArray(json) ? json : json.abi;
}

/**
 * Chainlink's feed directory as Aave's BGD Labs snapshot it (npm @bgd-labs/toolbox, generated
 * chainlinkFeeds): the name and decimals of every feed proxy the registry reads, per chain.
 */
const CHAINLINK_DIRECTORY = { package: '@bgd-labs/toolbox', version: '0.2.19', file: 'dist/index.mjs' };

/** Every Chainlink feed the registry reads, as chainId:address. */
function feedsRead(): Set<string> {
  const feeds = new Set<string>();
  for (const token of registry) {
    for (const source of token.market) if (source.kind === 'chainlink') feeds.add(`${token.homeChainId}:${source.feed.toLowerCase()}`);
    for (const d of token.deployments) for (const source of d.market) if (source.kind === 'chainlink') feeds.add(`${d.chainId}:${source.feed.toLowerCase()}`);
    for (const c of token.confirmers) if (c.kind === 'feed') feeds.add(`${token.homeChainId}:${c.feed.toLowerCase()}`);
  }
  return feeds;
}

function chainlinkDirectory(dir: string) {
  const text = readFileSync(join(dir, CHAINLINK_DIRECTORY.file), 'utf8');
  const start = text.indexOf('const chainlinkFeeds = {');
  if (start < 0) throw new Error('no chainlinkFeeds in the toolbox bundle');
  // The generated table is one object literal of plain data; it ends at the first line closing it.
  const end = text.indexOf('\n};', start);
  const table = vm.runInNewContext(`(${text.slice(start + "const chainlinkFeeds = ".length, end + 2)})`) as Record<string, { proxyAddress: string | null; decimals: number; name: string }[]>;
  const wanted = feedsRead();
  const feeds: Record<string, { proxy: string; name: string; decimals: number }[]> = {};
  for (const [chainId, list] of Object.entries(table)) {
    for (const f of list) {
      if (!f.proxyAddress || !wanted.has(`${chainId}:${f.proxyAddress.toLowerCase()}`)) continue;
      (feeds[chainId] ??= []).push({ proxy: f.proxyAddress, name: f.name, decimals: f.decimals });
    }
  }
  return feeds;
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'stakelens-npm-artifacts-'));
  const packed = new Map<string, { dir: string; integrity: string }>();
  const pack = (key: string) => {
    if (!packed.has(key)) {
      const out = JSON.parse(execFileSync('npm', ['pack', key, '--json', '--pack-destination', work], { encoding: 'utf8' })) as { filename: string; integrity: string }[];
      const dir = join(work, out[0]!.filename.replace(/\.tgz$/, ''));
      mkdirSync(dir);
      execFileSync('tar', ['xzf', join(work, out[0]!.filename), '-C', dir]);
      packed.set(key, { dir: join(dir, 'package'), integrity: out[0]!.integrity });
    }
    return packed.get(key)!;
  };
  try {
    for (const spec of SPECS) {
      const key = `${spec.package}@${spec.version}`;
      const { dir, integrity } = pack(key);
      const abi = abiOf(join(dir, spec.file));
      const functions = spec.functions.map((name) => {
        const items = abi.filter((item) => item.type === 'function' && item.name === name);
        if (items.length !== 1) throw new Error(`${spec.id}: ${items.length} functions named ${name} in ${spec.file}`);
        return items[0]!;
      });
      const facts = (spec.facts ?? []).map(({ claim, file, pattern }) => {
        const lines = readFileSync(join(dir, file), 'utf8').split('\n');
        const index = lines.findIndex((line) => new RegExp(pattern).test(line));
        if (index < 0) throw new Error(`${spec.id}: no line of ${file} backs "${claim}"`);
        return { claim, file, line: index + 1 };
      });
      const initCodeHash = spec.initCodeOf ? keccak256((JSON.parse(readFileSync(join(dir, spec.initCodeOf), 'utf8')) as { bytecode: Hex }).bytecode) : undefined;
      const record = { id: spec.id, contract: spec.contract, package: spec.package, version: spec.version, integrity, file: spec.file, appliesTo: spec.appliesTo, why: spec.why, functions, facts, initCodeHash };
      writeFileSync(join(OUT, `${spec.id}.json`), `${JSON.stringify(record, null, 2)}\n`);
      console.log(`${spec.id}: ${functions.length} functions from ${key}/${spec.file}`);
    }
    const key = `${CHAINLINK_DIRECTORY.package}@${CHAINLINK_DIRECTORY.version}`;
    const { dir, integrity } = pack(key);
    const feeds = chainlinkDirectory(dir);
    writeFileSync(join(OUT, '../chainlink-directory.json'), `${JSON.stringify({ ...CHAINLINK_DIRECTORY, integrity, why: 'Chainlink’s reference data as snapshotted by BGD Labs for Aave', feeds }, null, 2)}\n`);
    console.log(`chainlink-directory: ${Object.values(feeds).flat().length} feeds from ${key}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
