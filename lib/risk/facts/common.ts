import type { TokenRisk } from '../schema';

/** The day these facts were last reviewed by hand. */
export const REVIEWED = '2026-11-22';

/** The restaking row of every plain LST. */
export const PLAIN_LST: TokenRisk['restaking'] = {
  level: 'none',
  why: 'Plain LST: not restaked',
  sources: [],
  reviewed: REVIEWED,
  confidence: 'primary',
};
