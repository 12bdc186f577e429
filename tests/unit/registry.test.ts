import { getAddress, parseAbiItem, type AbiFunction } from 'viem';
import { describe, expect, it } from 'vitest';
import { UNISWAP_V3 } from '../../lib/chain/dex';
import { WAD } from '../../lib/chain/units';
import { deploymentOn, deploymentsOn, registry, tokenByAddress, tokenBySymbol } from '../../lib/tokens/registry';
import { checksummedAddress, deploymentSchema, tokenSchema, type Redemption } from '../../lib/tokens/schema';

const WSTETH = '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0';
const WSTETH_BASE = '0xc1CBa3fCea344f92D9239c08C0568f6F2F0ee452';
const WEETH = '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';
const WEETH_BASE = '0x04C0599Ae5A44757c0af6F9eC3b93da8976c150A';
const WEETH_BASE_BRIDGED = '0x4c94DE27c94962Dba6Ebb77924Ac54189db75EFA';
const EZETH_L2 = '0x2416092f143378750bb29b79eD961ab195CcEea5';

const SYMBOLS = [
  'stETH', 'wstETH', 'rETH', 'cbETH', 'sfrxETH', 'frxETH', 'osETH', 'ETHx', 'mETH',
  'swETH', 'rswETH', 'LsETH', 'ankrETH', 'eETH', 'weETH', 'ezETH', 'rsETH', 'pufETH',
];
const CHAINS = [1, 10, 8453, 42161];

/** Every string in the registry that looks like an address. */
function addressesOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^0x[0-9a-fA-F]{40}$/.test(value)) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => addressesOf(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => addressesOf(v, out));
  return out;
}

/** A registry signature parsed the way lib/chain/redemption.ts parses it. */
function parsed(signature: string): AbiFunction {
  const item = parseAbiItem(signature) as AbiFunction;
  expect(item.type).toBe('function');
  expect(item.stateMutability).toBe('view');
  return item;
}

type Bounded = Exclude<Redemption, { kind: 'pegged' }>;
const bounded = (r: Redemption): r is Bounded => r.kind !== 'pegged';

describe('registry', () => {
  it('parses against the token schema and holds the 18 tokens', () => {
    expect(registry.map((t) => t.symbol).sort()).toEqual([...SYMBOLS].sort());
    for (const token of registry) expect(() => tokenSchema.parse(token)).not.toThrow();
  });

  it('spells every address in EIP-55', () => {
    const addresses = addressesOf(registry);
    expect(addresses.length).toBeGreaterThan(100);
    for (const a of addresses) expect(getAddress(a)).toBe(a);
  });

  it('has unique symbols, also ignoring case', () => {
    const symbols = registry.map((t) => t.symbol.toUpperCase());
    expect(new Set(symbols).size).toBe(symbols.length);
    expect(symbols).toHaveLength(18);
  });

  it('deploys every token on its home chain, only on the four supported chains', () => {
    for (const token of registry) {
      expect(token.homeChainId, token.symbol).toBe(1);
      expect(deploymentOn(token, token.homeChainId), token.symbol).toBeDefined();
      for (const d of token.deployments) expect(CHAINS, `${token.symbol} on ${d.chainId}`).toContain(d.chainId);
    }
  });

  it('lists an address at most once per chain, and a second deployment on a chain only where a bridge made one', () => {
    const multiple: string[] = [];
    for (const token of registry) {
      const pairs = token.deployments.map((d) => `${d.chainId}:${d.address.toLowerCase()}`);
      expect(new Set(pairs).size, token.symbol).toBe(pairs.length);
      for (const chainId of new Set(token.deployments.map((d) => d.chainId))) {
        if (deploymentsOn(token, chainId).length > 1) multiple.push(`${token.symbol}@${chainId}`);
      }
    }
    // weETH: ether.fi's OFT and the OP standard bridge's token, both called weETH; rsETH: Kelp's OFT and its wrsETH wrapper.
    expect(multiple.sort()).toEqual(['rsETH@10', 'rsETH@8453', 'weETH@10', 'weETH@8453']);
  });

  it('gives every bridged deployment a bridge, and checks an escrow only on the first deployment of a chain', () => {
    for (const token of registry) {
      for (const d of token.deployments) {
        if (d.chainId === token.homeChainId) expect(d.bridge, `${token.symbol} at home`).toBeUndefined();
        else expect(d.bridge, `${token.symbol}@${d.chainId} ${d.address}`).toBeDefined();
        const first = deploymentsOn(token, d.chainId)[0];
        if (d !== first) expect(d.bridge?.escrow, `${token.symbol}@${d.chainId} ${d.address}`).toBeUndefined();
        if (d.bridge?.kind === 'layerzero') expect(d.bridge.layerzero, `${token.symbol}@${d.chainId}`).toBeDefined();
      }
    }
  });

  it('never gives two symbols the same address, on one chain or across chains', () => {
    const owner = new Map<string, string>();
    for (const token of registry) {
      for (const d of token.deployments) {
        const key = d.address.toLowerCase();
        const before = owner.get(key);
        if (before !== undefined) expect(before, `${d.address} on ${d.chainId}`).toBe(token.symbol);
        owner.set(key, token.symbol);
        // and the lookup by address finds this very token
        expect(tokenByAddress(d.chainId, d.address)?.symbol).toBe(token.symbol);
      }
    }
  });

  it('reuses one address across chains only for the same bridged token', () => {
    const chainsOf = new Map<string, { symbols: Set<string>; chains: number[] }>();
    for (const token of registry) {
      for (const d of token.deployments) {
        const key = d.address.toLowerCase();
        const entry = chainsOf.get(key) ?? { symbols: new Set(), chains: [] };
        entry.symbols.add(token.symbol);
        entry.chains.push(d.chainId);
        chainsOf.set(key, entry);
      }
    }
    const reused = [...chainsOf.values()].filter((e) => e.chains.length > 1);
    expect(reused.length).toBeGreaterThan(0);
    for (const e of reused) expect(e.symbols.size).toBe(1);
    expect(reused.map((e) => [...e.symbols][0]).sort()).toEqual(['ezETH', 'rsETH']);
  });

  it('gives every `call` redemption a view signature returning one uint256, with matching arguments', () => {
    const calls = registry.filter((t) => t.redemption.kind === 'call');
    expect(calls.length).toBeGreaterThanOrEqual(13);
    for (const token of calls) {
      const r = token.redemption as Extract<Redemption, { kind: 'call' }>;
      const item = parsed(r.signature);
      expect(item.outputs.map((o) => o.type), token.symbol).toEqual(['uint256']);
      expect(item.inputs, token.symbol).toHaveLength(r.args.length);
      item.inputs.forEach((input, k) => {
        if (input.type === 'address') expect(typeof r.args[k], token.symbol).toBe('string');
        else {
          expect(input.type, token.symbol).toBe('uint256');
          expect(typeof r.args[k], token.symbol).toBe('bigint');
        }
      });
      // the label names the function the tooltip says was read
      expect(r.label, token.symbol).toContain(`${item.name}(`);
    }
  });

  it('reads a uint256 at an index in range for every tvl-ratio redemption', () => {
    const ratios = registry.filter((t) => t.redemption.kind === 'tvl-ratio');
    expect(ratios.map((t) => t.symbol)).toEqual(['ezETH']);
    for (const token of ratios) {
      const r = token.redemption as Extract<Redemption, { kind: 'tvl-ratio' }>;
      const item = parsed(r.tvl.signature);
      expect(item.inputs).toHaveLength(0);
      expect(r.tvl.index).toBeGreaterThanOrEqual(0);
      expect(r.tvl.index).toBeLessThan(item.outputs.length);
      expect(item.outputs[r.tvl.index]!.type).toBe('uint256');
      expect(r.supply).toBe(deploymentOn(token, token.homeChainId)!.address);
      expect(r.label).toContain(`${item.name}()`);
    }
  });

  it('gives every wrapper rate a view signature with no arguments returning one uint256', () => {
    const wrapped = registry.flatMap((t) => t.market.filter((m) => m.wrapper).map((m) => [t, m] as const));
    expect(wrapped.length).toBeGreaterThan(0);
    for (const [token, m] of wrapped) {
      expect(m.unit, `${token.symbol} ${m.id}`).toBe('wrapper');
      const item = parsed(m.wrapper!.signature);
      expect(item.inputs).toHaveLength(0);
      expect(item.outputs.map((o) => o.type)).toEqual(['uint256']);
    }
    // and every 'wrapper' unit has its wrapper rate to divide by
    for (const token of registry) for (const m of token.market) if (m.unit === 'wrapper') expect(m.wrapper, `${token.symbol} ${m.id}`).toBeDefined();
  });

  it('has redemption bounds that bracket the rate hint', () => {
    for (const token of registry) {
      if (!bounded(token.redemption)) continue;
      const { min, max } = token.redemption;
      expect(min < token.rateHint && token.rateHint < max, token.symbol).toBe(true);
    }
  });

  it('gives pegged tokens a rate hint of exactly 1 ETH', () => {
    const pegged = registry.filter((t) => t.redemption.kind === 'pegged');
    expect(pegged.map((t) => t.symbol).sort()).toEqual(['eETH', 'frxETH', 'stETH']);
    for (const token of pegged) expect(token.rateHint, token.symbol).toBe(WAD);
  });

  it('puts uniswap market sources only where Uniswap v3 infra is known', () => {
    let count = 0;
    for (const token of registry) {
      for (const m of token.market) {
        if (m.kind !== 'uniswap-v3') continue;
        count++;
        // market sources are read on the home chain
        expect(UNISWAP_V3[token.homeChainId], `${token.symbol} ${m.id}`).toBeDefined();
      }
    }
    expect(count).toBeGreaterThan(10);
    // the infra itself: every chain the registry deploys on, checksummed
    for (const chainId of CHAINS) {
      const infra = UNISWAP_V3[chainId]!;
      for (const a of [infra.factory, infra.quoter, infra.weth]) expect(getAddress(a)).toBe(a);
    }
  });
});

describe('checksummedAddress schema', () => {
  it('accepts a checksummed address', () => {
    expect(checksummedAddress.safeParse(WSTETH).success).toBe(true);
  });

  it('rejects the same address lowercased', () => {
    expect(checksummedAddress.safeParse(WSTETH.toLowerCase()).success).toBe(false);
  });

  it('rejects the same address uppercased', () => {
    expect(checksummedAddress.safeParse('0x' + WSTETH.slice(2).toUpperCase()).success).toBe(false);
  });

  it('rejects a mistyped address (one case flip breaks the checksum)', () => {
    // flip the case of the first letter after 0x: 'f' -> 'F'
    const typo = '0x7F39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0';
    expect(typo.toLowerCase()).toBe(WSTETH.toLowerCase());
    expect(checksummedAddress.safeParse(typo).success).toBe(false);
  });

  it('rejects a wrong digit and a wrong length', () => {
    expect(checksummedAddress.safeParse(WSTETH.slice(0, -1) + '1').success).toBe(false);
    expect(checksummedAddress.safeParse(WSTETH.slice(0, -1)).success).toBe(false);
    expect(checksummedAddress.safeParse('not an address').success).toBe(false);
  });

  it('makes a deployment with a lowercased address fail', () => {
    const good = { chainId: 1, address: WEETH, decimals: 18, confidence: 'primary', source: 'x' };
    expect(deploymentSchema.safeParse(good).success).toBe(true);
    expect(deploymentSchema.safeParse({ ...good, address: WEETH.toLowerCase() }).success).toBe(false);
  });

  it('makes a whole token entry with a lowercased redemption address fail', () => {
    const token = tokenBySymbol('wstETH')!;
    const redemption = token.redemption as Extract<Redemption, { kind: 'call' }>;
    const bad = { ...token, redemption: { ...redemption, address: redemption.address.toLowerCase() } };
    expect(tokenSchema.safeParse(token).success).toBe(true);
    expect(tokenSchema.safeParse(bad).success).toBe(false);
  });
});

describe('lookups', () => {
  it('tokenBySymbol finds the exact symbol only', () => {
    expect(tokenBySymbol('wstETH')?.protocol).toBe('Lido');
    expect(tokenBySymbol('weETH')?.protocol).toBe('ether.fi');
    expect(tokenBySymbol('stETH')?.protocol).toBe('Lido');
    expect(tokenBySymbol('eETH')?.protocol).toBe('ether.fi');
    for (const symbol of SYMBOLS) expect(tokenBySymbol(symbol)?.symbol).toBe(symbol);
    expect(tokenBySymbol('WSTETH')).toBeUndefined();
    expect(tokenBySymbol('steth')).toBeUndefined();
    expect(tokenBySymbol('EETH')).toBeUndefined();
    expect(tokenBySymbol('ETH')).toBeUndefined();
  });

  it('tokenByAddress is case-insensitive and per chain', () => {
    expect(tokenByAddress(1, WSTETH)?.symbol).toBe('wstETH');
    expect(tokenByAddress(1, WSTETH.toLowerCase())?.symbol).toBe('wstETH');
    expect(tokenByAddress(1, '0x' + WEETH.slice(2).toUpperCase())?.symbol).toBe('weETH');
    expect(tokenByAddress(42161, WSTETH)).toBeUndefined();
    expect(tokenByAddress(8453, WSTETH_BASE)?.symbol).toBe('wstETH');
    expect(tokenByAddress(1, WSTETH_BASE)).toBeUndefined();
    expect(tokenByAddress(1, '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2')).toBeUndefined();
  });

  it('tokenByAddress finds both weETH deployments on Base, and the shared ezETH address only on L2s', () => {
    expect(tokenByAddress(8453, WEETH_BASE)?.symbol).toBe('weETH');
    expect(tokenByAddress(8453, WEETH_BASE_BRIDGED.toLowerCase())?.symbol).toBe('weETH');
    for (const chainId of [10, 8453, 42161]) expect(tokenByAddress(chainId, EZETH_L2)?.symbol).toBe('ezETH');
    expect(tokenByAddress(1, EZETH_L2)).toBeUndefined();
  });

  it('deploymentOn returns the chain deployment or undefined', () => {
    const wst = tokenBySymbol('wstETH')!;
    const d = deploymentOn(wst, 1);
    expect(d?.address).toBe(WSTETH);
    expect(d?.decimals).toBe(18);
    expect(deploymentOn(wst, 8453)?.address).toBe(WSTETH_BASE);
    expect(deploymentOn(wst, 137)).toBeUndefined();
    expect(deploymentOn(tokenBySymbol('eETH')!, 8453)).toBeUndefined();
  });

  it('deploymentsOn gives every deployment on a chain, the main one first as deploymentOn does', () => {
    const weeth = tokenBySymbol('weETH')!;
    expect(deploymentsOn(weeth, 8453).map((d) => d.address)).toEqual([WEETH_BASE, WEETH_BASE_BRIDGED]);
    expect(deploymentOn(weeth, 8453)?.address).toBe(WEETH_BASE);
    expect(deploymentsOn(weeth, 10)).toHaveLength(2);
    expect(deploymentsOn(weeth, 1).map((d) => d.address)).toEqual([WEETH]);
    expect(deploymentsOn(weeth, 137)).toEqual([]);
    for (const token of registry) {
      for (const chainId of CHAINS) expect(deploymentsOn(token, chainId)[0]).toBe(deploymentOn(token, chainId));
    }
  });
});
