import type { Figures } from '../chain/figures';
import { signersNeeded } from '../chain/layerzero';
import type { TokenEntry } from '../tokens/schema';
import { chainLabel } from './chain-names';
import type { LayerRow } from './layers';
import type { Level } from './schema';

/*
 * The bridge layer of a bridged deployment: who secures the bridge that carried it here. For a
 * LayerZero OFT, the verifier set read on-chain on both sides (the OFT's on this chain, which can
 * mint, and the adapter's on the home chain, which can release what it holds): the weakest route
 * sets the level. For canonical rollup bridges and CCIP, reviewed facts of their kind.
 */

const REVIEWED = '2026-12-07';

const LAYERZERO_SOURCES = ['https://docs.layerzero.network/v2/concepts/modular-security/security-stack-dvns', 'https://github.com/LayerZero-Labs/LayerZero-v2'];

/** Reviewed facts per canonical bridge, by the chain it leads to. */
const CANONICAL: Record<number, { why: string; sources: string[] }> = {
  42161: {
    why: 'Arbitrum’s canonical bridge: held by Arbitrum’s own contracts on Ethereum, secured by its fraud proofs; ~7-day withdrawals; its Security Council can upgrade it',
    sources: ['https://l2beat.com/scaling/projects/arbitrum', 'https://docs.arbitrum.io/build-decentralized-apps/token-bridging/token-bridge-erc20'],
  },
  10: {
    why: 'OP Mainnet’s standard bridge: held by the OP Stack’s contracts on Ethereum, secured by fault proofs; ~7-day withdrawals; its Security Council can upgrade it',
    sources: ['https://l2beat.com/scaling/projects/op-mainnet', 'https://docs.optimism.io/app-developers/bridging/standard-bridge'],
  },
  8453: {
    why: 'Base’s standard bridge: held by the OP Stack’s contracts on Ethereum, secured by fault proofs; ~7-day withdrawals; upgrades need Base and the Optimism Security Council',
    sources: ['https://l2beat.com/scaling/projects/base', 'https://docs.base.org/base-chain/network-information/base-contracts'],
  },
};

const CCIP = {
  why: 'Chainlink CCIP: messages signed by Chainlink’s oracle network and checked by a separate risk network, with rate limits per lane; a committee, not the rollup’s proofs',
  sources: ['https://docs.chain.link/ccip/concepts/architecture/overview'],
};

export function bridgeRow(token: TokenEntry, chainId: number, figures: Figures | null): LayerRow {
  const deployment = token.deployments.find((d) => d.chainId === chainId);
  const bridge = deployment?.bridge;
  const row = { layer: 'bridge' as const, reviewed: REVIEWED };
  if (!bridge) {
    return { ...row, level: 'unknown', why: `Bridged from Ethereum; the bridge that carries ${token.symbol} to ${chainLabel(chainId)} is not recorded yet`, sources: [], confidence: 'unverified' };
  }
  if (bridge.kind === 'layerzero') return layerZeroRow(bridge.name, figures, deployment!.confidence);
  if (bridge.kind === 'canonical') {
    const facts = CANONICAL[chainId];
    if (facts) return { ...row, level: 'low', why: `${bridge.name}. ${facts.why}`, sources: facts.sources, confidence: bridge.confidence };
  }
  if (bridge.kind === 'ccip') return { ...row, level: 'medium', why: `${bridge.name}. ${CCIP.why}`, sources: CCIP.sources, confidence: bridge.confidence };
  return { ...row, level: 'unknown', why: `${bridge.name}: who secures it is not reviewed yet`, sources: [], confidence: 'unverified' };
}

/** The LayerZero row: how many verifiers the weakest route needs, read now. */
function layerZeroRow(name: string, figures: Figures | null, confidence: LayerRow['confidence']): LayerRow {
  const routes = figures?.bridgeRoutes ?? [];
  const read = routes.map((r) => ({ r, n: signersNeeded(r) })).filter((x): x is { r: (typeof routes)[number]; n: number } => x.n !== null && x.r.reason === null);
  const base = { layer: 'bridge' as const, reviewed: null, sources: LAYERZERO_SOURCES, confidence: 'live' as const };
  if (!read.length) {
    const why = routes.map((r) => r.reason).filter(Boolean).join('; ') || 'not read yet';
    return { ...base, level: 'unknown', why: `${name}: its verifier set could not be read (${why})`, confidence };
  }
  const weakest = read.reduce((a, b) => (b.n < a.n ? b : a));
  const level: Level = weakest.n <= 1 ? 'high' : weakest.n === 2 ? 'medium' : 'low';
  const side = weakest.r.remoteChainId === 1 ? 'minting here' : 'releasing on Ethereum';
  const why =
    weakest.n <= 1
      ? `${name}: ${weakest.n === 0 ? 'no' : 'a single'} verifier (DVN) signs the messages for ${side}; one compromised verifier can forge a transfer (how rsETH's adapter was drained in April 2026)`
      : `${name}: ${weakest.n} verifiers (DVNs) must sign the messages for ${side} on its weakest route`;
  return { ...base, level, why, signal: `${read.length} route${read.length === 1 ? '' : 's'} read on-chain` };
}
