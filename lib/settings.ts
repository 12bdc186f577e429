import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { alertOverridesSchema } from './risk/alert-thresholds';
import { DEFAULT_THRESHOLDS, thresholdsSchema } from './risk/thresholds';
import { parseSetting } from './site-settings';

/*
 * Settings, declared once. Each item is versioned (migrations go in `migrations` when a shape
 * changes) and read through a zod schema: a malformed stored value falls back to the default and
 * is reported, it never breaks a page. The per-site settings live in site-settings.ts (the content
 * script reads them without the rest); everything is imported from here.
 */
export * from './site-settings';

export const rpcSettingsSchema = z.record(z.string().regex(/^\d+$/), z.array(z.url({ protocol: /^https?$/ })).max(5));
export type RpcSettings = z.infer<typeof rpcSettingsSchema>;

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

export async function getRpcSettings(): Promise<RpcSettings> {
  return parseSetting(rpcSettingsSchema, await rpcSettings.getValue(), {}, 'rpc');
}

/** Alerts: per-token overrides of where each alert starts, and whether watched tokens notify. */
export const alertSettingsSchema = z.object({ overrides: alertOverridesSchema, notify: z.boolean() });
export type AlertSettings = z.infer<typeof alertSettingsSchema>;
export const DEFAULT_ALERT_SETTINGS: AlertSettings = { overrides: {}, notify: true };
export const alertSettings = storage.defineItem<AlertSettings>('local:alerts', { fallback: DEFAULT_ALERT_SETTINGS, version: 1 });

export async function getAlertSettings(): Promise<AlertSettings> {
  return parseSetting(alertSettingsSchema, await alertSettings.getValue(), DEFAULT_ALERT_SETTINGS, 'alerts');
}

/** Tokens the user watches: read in the background every minute, with or without a page open. */
export const watchEntrySchema = z.object({ symbol: z.string().regex(/^[A-Za-z0-9]{1,16}$/), chainId: z.number().int().positive() });
export const watchlistSchema = z.array(watchEntrySchema).max(50);
export type WatchEntry = z.infer<typeof watchEntrySchema>;
export const watchlist = storage.defineItem<WatchEntry[]>('local:watchlist', { fallback: [], version: 1 });

export async function getWatchlist(): Promise<WatchEntry[]> {
  return parseSetting(watchlistSchema, await watchlist.getValue(), [], 'watchlist');
}

/** Watches a token, or stops watching it. */
export async function setWatched(entry: WatchEntry, watched: boolean): Promise<void> {
  const list = (await getWatchlist()).filter((w) => w.symbol !== entry.symbol || w.chainId !== entry.chainId);
  await watchlist.setValue(watched ? [...list, entry] : list);
}
