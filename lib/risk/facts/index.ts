import type { TokenRisk } from '../schema';
import { GROUP_A } from './group-a';
import { GROUP_B } from './group-b';
import { GROUP_C } from './group-c';

/**
 * Static risk facts of every registry token, reviewed by hand with sources. Validated against
 * tokenRiskSchema in the tests (tests/unit/risk.test.ts), not on every page load.
 */
export const TOKEN_RISKS: readonly TokenRisk[] = [...GROUP_A, ...GROUP_B, ...GROUP_C];

const bySymbol = new Map(TOKEN_RISKS.map((risk) => [risk.symbol, risk]));

export function riskFactsFor(symbol: string): TokenRisk | undefined {
  return bySymbol.get(symbol);
}
