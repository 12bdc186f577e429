import { z } from 'zod';

/*
 * The static half of the risk model: per token, four layers reviewed by hand, each with a level,
 * one line of why, its sources and the date it was last reviewed. The live layers (liquidity and
 * peg, the lending market's oracle) and the live signals that move a level are in ../risk.
 */

export const LEVELS = ['low', 'medium', 'high', 'unknown', 'none'] as const;
export type Level = (typeof LEVELS)[number];

export { LAYERS, type LayerId } from './layer-ids';

export const STATIC_LAYERS = ['consensus', 'lst', 'restaking', 'wrapper'] as const;
export type StaticLayerId = (typeof STATIC_LAYERS)[number];

export const staticRowSchema = z.object({
  level: z.enum(LEVELS),
  /** One line, our own words: what makes it this level. */
  why: z.string().min(10).max(160),
  /** Where the facts come from: documentation pages, source files, audits, governance posts. */
  sources: z.array(z.url({ protocol: /^https$/ })),
  /** The day a person last checked the facts (YYYY-MM-DD). */
  reviewed: z.iso.date(),
  /** How sure we are: primary (the protocol's own docs or code), secondary, third-party, unverified. */
  confidence: z.enum(['primary', 'secondary', 'third-party', 'unverified']),
});
export type StaticRow = z.infer<typeof staticRowSchema>;

export const tokenRiskSchema = z
  .object({
    symbol: z.string(),
    consensus: staticRowSchema,
    lst: staticRowSchema,
    restaking: staticRowSchema,
    wrapper: staticRowSchema,
  })
  .refine((t) => t.restaking.level === 'none' || t.restaking.sources.length > 0, 'a restaking layer needs a source')
  .refine((t) => [t.consensus, t.lst, t.wrapper].every((row) => row.level === 'unknown' || row.sources.length > 0), 'every level but unknown needs a source');
export type TokenRisk = z.infer<typeof tokenRiskSchema>;
