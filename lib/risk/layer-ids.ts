/**
 * The layers, in the order they are shown: from the validators up to the market. The bridge row is
 * shown only for a bridged deployment (a token on a chain other than its home).
 */
export const LAYERS = ['consensus', 'lst', 'restaking', 'wrapper', 'bridge', 'liquidity', 'oracle'] as const;
export type LayerId = (typeof LAYERS)[number];
