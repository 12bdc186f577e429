import { z } from 'zod';
import { tokenSchema, type TokenEntry } from './schema';

/*
 * The token registry: knowledge as data. Facts come from ../shared/reference/tokens.json, which
 * names the source of each; `confidence` carries its grade over so the UI can say how sure we are.
 */

const LIDO_DOCS = 'lidofinance/docs docs/deployed-contracts/index.md (Lido v3.0.2)';
const LIDO_CORE = 'lidofinance/core contracts/0.6.12/WstETH.sol, contracts/0.8.9/WithdrawalQueue.sol';
const ETHERFI = 'etherfi-protocol/smart-contracts script/deploys/Deployed.s.sol, src/core/WeETH.sol';
const CHAINLINK = 'Chainlink reference data snapshot (npm @bgd-labs/toolbox 0.2.19)';
const UNISWAP = 'docs.uniswap.org v3 deployments; Uniswap/view-quoter-v3 contracts/interfaces/IQuoter.sol';

const DAY = 86_400;
const e18 = 10n ** 18n;

const entries: TokenEntry[] = [
  {
    symbol: 'wstETH',
    name: 'Wrapped liquid staked Ether 2.0',
    aliases: ['Wrapped stETH', 'Wrapped liquid staked Ether 2.0'],
    kind: 'LST',
    protocol: 'Lido',
    underlying: 'stETH',
    homeChainId: 1,
    rateHint: 1_2166n * 10n ** 14n,
    deployments: [
      {
        chainId: 1,
        address: '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0',
        decimals: 18,
        confidence: 'primary',
        source: LIDO_DOCS,
      },
    ],
    redemption: {
      address: '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0',
      functionName: 'stEthPerToken',
      label: 'wstETH.stEthPerToken()',
      min: (9n * e18) / 10n,
      max: 2n * e18,
      // Lido's oracle sanity checker caps the yearly rise at 10%; 10 bps a day leaves ample slack.
      maxRiseBpsPerDay: 10,
      // A fall means slashing losses were reported; past 5% we distrust the read, not the protocol.
      maxFallBps: 500,
      confidence: 'primary',
      source: LIDO_CORE,
    },
    market: [
      {
        kind: 'curve',
        id: 'curve-steth-eth',
        label: 'Curve stETH/ETH pool get_dy',
        pool: '0xDC24316b9AE028F1497c275EB9192a3Ea0f67022',
        i: 1,
        j: 0,
        quotedIn: 'underlying',
        confidence: 'primary',
        source: 'curvefi/curve-contract contracts/pools/steth (StableSwapSTETH.vy); ' + LIDO_DOCS,
      },
      {
        kind: 'chainlink',
        id: 'chainlink-steth-eth',
        label: 'Chainlink STETH / ETH',
        feed: '0x86392dC19c0b719886221c78AB11eb8Cf5c52812',
        decimals: 18,
        heartbeatSeconds: DAY,
        category: 'market',
        quotedIn: 'underlying',
        confidence: 'secondary',
        source: CHAINLINK,
      },
    ],
    exit: {
      kind: 'lido-queue',
      queue: '0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1',
      steth: '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84',
      withdrawalVault: '0xB9D7934878B5FB9610B3fE8A5e441e8fad7E293f',
      elRewardsVault: '0x388C818CA8B9251b393131C08a736A67ccB19297',
      hashConsensus: '0xD624B08C83bAECF0807Dd2c6880C3154a5F0B288',
      confidence: 'primary',
      source: 'lidofinance/docs docs/contracts/withdrawal-queue-erc721.md, hash-consensus.md; ' + LIDO_DOCS,
    },
  },
  {
    symbol: 'weETH',
    name: 'Wrapped eETH',
    aliases: ['Wrapped eETH', 'ether.fi wrapped ETH'],
    kind: 'LRT',
    protocol: 'ether.fi',
    underlying: 'eETH',
    homeChainId: 1,
    rateHint: 1_0701n * 10n ** 14n,
    deployments: [
      {
        chainId: 1,
        address: '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee',
        decimals: 18,
        confidence: 'primary',
        source: ETHERFI,
      },
    ],
    redemption: {
      address: '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee',
      functionName: 'getRate',
      label: 'weETH.getRate()',
      min: (9n * e18) / 10n,
      max: 2n * e18,
      maxRiseBpsPerDay: 10,
      maxFallBps: 500,
      confidence: 'primary',
      source: ETHERFI,
    },
    market: [
      {
        kind: 'uniswap-v3',
        id: 'uniswap-v3-weeth-weth',
        label: 'Uniswap v3 weETH/WETH pool',
        factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984',
        quoter: '0x5e55C9e631FAE526cd4B0526C4818D6e0a9eF0e3',
        weth: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
        fees: [100, 500],
        quotedIn: 'token',
        confidence: 'primary',
        source: UNISWAP,
      },
      {
        kind: 'chainlink',
        id: 'chainlink-weeth-eth',
        label: 'Chainlink weETH / ETH',
        feed: '0x5c9C449BbC9a6075A2c061dF312a35fd1E05fF22',
        decimals: 18,
        heartbeatSeconds: DAY,
        // Named like a market feed but unconfirmed: it may mirror getRate() (reference NOTES §3).
        category: 'uncertain',
        quotedIn: 'token',
        confidence: 'secondary',
        source: CHAINLINK,
      },
    ],
    exit: {
      kind: 'etherfi',
      redemptionManager: '0xDadEf1fFBFeaAB4f68A9fD181395F68b4e4E7Ae0',
      withdrawRequestNft: '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c',
      delegationManager: '0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A',
      confidence: 'primary',
      source:
        ETHERFI +
        ' src/withdrawals/EtherFiRedemptionManager.sol, WithdrawRequestNFT.sol; Layr-Labs/eigenlayer-contracts DelegationManager.sol',
    },
  },
];

export const registry: readonly TokenEntry[] = z.array(tokenSchema).parse(entries);

const bySymbol = new Map(registry.map((t) => [t.symbol, t]));

export function tokenBySymbol(symbol: string): TokenEntry | undefined {
  return bySymbol.get(symbol);
}

/** The deployment of a token on a chain, if it has one there. */
export function deploymentOn(token: TokenEntry, chainId: number) {
  return token.deployments.find((d) => d.chainId === chainId);
}

/** Registry entry for an address on a chain (case-insensitive). */
export function tokenByAddress(chainId: number, address: string): TokenEntry | undefined {
  const a = address.toLowerCase();
  return registry.find((t) => t.deployments.some((d) => d.chainId === chainId && d.address.toLowerCase() === a));
}
