/** Chain names in the risk model's own sentences (the UI has its own, translated, in lib/ui/format.ts). */
const NAMES: Record<number, string> = { 1: 'Ethereum', 10: 'Optimism', 8453: 'Base', 42161: 'Arbitrum' };

export function chainLabel(chainId: number): string {
  return NAMES[chainId] ?? `chain ${chainId}`;
}
