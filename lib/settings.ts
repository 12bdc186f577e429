import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { DEFAULT_THRESHOLDS, thresholdsSchema } from './risk/thresholds';
import { siteForHost } from './sites';

/*
 * Settings, declared once. Each item is versioned (migrations go in `migrations` when a shape
 * changes) and read through a zod schema: a malformed stored value falls back to the default and
 * is reported, it never breaks a page.
 */

export const siteSettingsSchema = z.record(z.string(), z.object({ enabled: z.boolean() }));
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const rpcSettingsSchema = z.record(z.string().regex(/^\d+$/), z.array(z.url({ protocol: /^https?$/ })).max(5));
export type RpcSettings = z.infer<typeof rpcSettingsSchema>;

export const siteSettings = storage.defineItem<SiteSettings>('local:sites', { fallback: {}, version: 1 });
export const rpcSettings = storage.defineItem<RpcSettings>('local:rpc', { fallback: {}, version: 1 });

/** An optional beacon node (base URL of its REST API), for the beacon chain's exit queue. */
export const beaconSettingSchema = z.union([z.url({ protocol: /^https?$/ }), z.literal('')]);
export const beaconSetting = storage.defineItem<string>('local:beacon', { fallback: '', version: 1 });

export async function getBeaconSetting(): Promise<string> {
  return parseSetting(beaconSettingSchema, await beaconSetting.getValue(), '', 'beacon');
}

/** How figures are shown and where the live risk levels turn. */
export const preferencesSchema = z.object({
  units: z.enum(['bps', 'percent']),
  thresholds: thresholdsSchema,
});
export type Preferences = z.infer<typeof preferencesSchema>;
export const DEFAULT_PREFERENCES: Preferences = { units: 'bps', thresholds: DEFAULT_THRESHOLDS };
export const preferences = storage.defineItem<Preferences>('local:preferences', { fallback: DEFAULT_PREFERENCES, version: 1 });

export async function getPreferences(): Promise<Preferences> {
  return parseSetting(preferencesSchema, await preferences.getValue(), DEFAULT_PREFERENCES, 'preferences');
}

/** Parses a stored value; on a bad shape returns the fallback and says why (console, once per read). */
export function parseSetting<T>(schema: z.ZodType<T>, value: unknown, fallback: T, name: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  console.warn(`[Stakelens] ignoring malformed ${name} setting: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
  return fallback;
}

export async function getSiteSettings(): Promise<SiteSettings> {
  return parseSetting(siteSettingsSchema, await siteSettings.getValue(), {}, 'sites');
}

/** On by default on the built-in sites; on any other site only once the user turned it on. */
export function isSiteEnabled(settings: SiteSettings, host: string): boolean {
  return settings[host]?.enabled ?? siteForHost(host) !== undefined;
}

export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  const current = await getSiteSettings();
  await siteSettings.setValue({ ...current, [host]: { enabled } });
}

export async function getRpcSettings(): Promise<RpcSettings> {
  return parseSetting(rpcSettingsSchema, await rpcSettings.getValue(), {}, 'rpc');
}
