// npm run -s registry:json — the token registry as JSON, and nothing else (CONTRACT.md).
import { registry } from '../lib/tokens/registry';

const out = registry.map((t) => ({
  symbol: t.symbol,
  name: t.name,
  kind: t.kind,
  protocol: t.protocol,
  underlying: t.underlying,
  deployments: t.deployments.map(({ chainId, address, decimals, confidence, source }) => ({ chainId, address, decimals, confidence, source })),
  redemption: { kind: t.redemption.kind, read: t.redemption.label, confidence: t.redemption.confidence },
  market: t.market.map((m) => ({ id: m.id, kind: m.kind, label: m.label, confidence: m.confidence })),
  exit: { kind: t.exit.kind, confidence: t.exit.confidence },
}));
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
