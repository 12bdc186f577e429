import { migrateSitesV3 } from './site-settings';
import { z } from 'zod';
import { checkRpcEndpoint } from './chain/rpc-check';
import {
  alertSettings,
  alertSettingsSchema,
  beaconSetting,
  beaconSettingSchema,
  getBeaconSetting,
  getPreferences,
  getRpcSettings,
  getSiteSettings,
  preferences,
  preferencesSchema,
  rpcSettings,
  rpcSettingsSchema,
  getAlertSettings,
  getWatchlist,
  siteSettings,
  siteSettingsSchema,
  watchlist,
  watchlistSchema,
} from './settings';

/*
 * Settings as a JSON file, to move them between browsers or keep a copy. An import is all or
 * nothing: the file is checked whole (shape, then every RPC endpoint's chain id) before anything
 * is written, and a bad file changes nothing and says why.
 */

/** v3 added the alert settings and the watchlist; a v2 file still imports and leaves those as they are. */
export const SETTINGS_FILE_VERSION = 3;

export const settingsFileSchema = z.strictObject({
  stakelens: z.literal('settings'),
  version: z.union([z.literal(2), z.literal(SETTINGS_FILE_VERSION)]),
  sites: siteSettingsSchema,
  rpc: rpcSettingsSchema,
  beacon: beaconSettingSchema,
  preferences: preferencesSchema,
  alerts: alertSettingsSchema.optional(),
  watchlist: watchlistSchema.optional(),
});
export type SettingsFile = z.infer<typeof settingsFileSchema>;

export async function exportSettings(): Promise<string> {
  const file: SettingsFile = {
    stakelens: 'settings',
    version: SETTINGS_FILE_VERSION,
    sites: await getSiteSettings(),
    rpc: await getRpcSettings(),
    beacon: await getBeaconSetting(),
    preferences: await getPreferences(),
    alerts: await getAlertSettings(),
    watchlist: await getWatchlist(),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Why a file cannot be imported, or null once it has been. */
export async function importSettings(text: string, checkEndpoint = checkRpcEndpoint): Promise<string | null> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not a JSON file (${(error as Error).message})`;
  }
  const parsed = settingsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `not a Stakelens settings file: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
  }
  const file = parsed.data;
  for (const [chainId, urls] of Object.entries(file.rpc)) {
    for (const url of urls) {
      const problem = await checkEndpoint(url, Number(chainId));
      if (problem) return `RPC endpoint ${url} for chain ${chainId}: ${problem}`;
    }
  }
  // A v2 file predates the bridge layer: it gets it, as stored v2 settings do (migrateSitesV3).
  await siteSettings().setValue(file.version === 2 ? migrateSitesV3(file.sites) : file.sites);
  await rpcSettings.setValue(file.rpc);
  await beaconSetting.setValue(file.beacon);
  await preferences.setValue(file.preferences);
  if (file.alerts) await alertSettings.setValue(file.alerts);
  if (file.watchlist) await watchlist.setValue(file.watchlist);
  return null;
}
