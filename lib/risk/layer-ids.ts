/** The six layers, in the order they are shown: from the validators up to the market. */
export const LAYERS = ['consensus', 'lst', 'restaking', 'wrapper', 'liquidity', 'oracle'] as const;
export type LayerId = (typeof LAYERS)[number];
