import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { LAYERS } from './risk/layer-ids';
import { siteForHost } from './sites';

/*
 * Per-site settings, the part of the settings the content script reads on every supported page:
 * written with zod's small functional build (zod/mini), so the page's script carries only what it
 * checks. Versioned, with a tested migration; a malformed stored value falls back and is reported.
 */

/** How marks look on a site: a dotted underline, a small badge, or nothing (the tooltip still opens on hover). */
export const MARK_LOOKS = ['underline', 'badge', 'none'] as const;
export type MarkLook = (typeof MARK_LOOKS)[number];

/**
 * Per site (keyed by host): on or off, how marks look, which risk layers the tooltip shows. The
 * fields added in v2 have defaults, so a value written by v1 (`{ enabled }`) still reads whole.
 */
export const siteSettingSchema = z.object({
  enabled: z.boolean(),
  look: z._default(z.enum(MARK_LOOKS), 'underline'),
  layers: z._default(z.array(z.enum(LAYERS)), () => [...LAYERS]),
});
export type SiteSetting = z.infer<typeof siteSettingSchema>;
export const siteSettingsSchema = z.record(z.string(), siteSettingSchema);
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** v1 → v2: each site keeps its switch and gets the default look and every layer. */
export function migrateSitesV2(v1: unknown): SiteSettings {
  if (!v1 || typeof v1 !== 'object') return {};
  const sites: SiteSettings = {};
  for (const [host, value] of Object.entries(v1)) {
    const enabled = (value as { enabled?: unknown } | null)?.enabled;
    if (typeof enabled === 'boolean') sites[host] = { enabled, look: 'underline', layers: [...LAYERS] };
  }
  return sites;
}

/**
 * v2 → v3: the bridge layer is new (v0.2); each site shows it, whatever layers it chose before
 * (a choice made before a layer existed is no choice against it).
 */
export function migrateSitesV3(v2: unknown): SiteSettings {
  if (!v2 || typeof v2 !== 'object') return {};
  const sites: SiteSettings = {};
  for (const [host, value] of Object.entries(v2 as Record<string, unknown>)) {
    const site = value as Partial<SiteSetting> | null;
    if (!site || typeof site.enabled !== 'boolean') continue;
    const chosen = Array.isArray(site.layers) ? site.layers : [...LAYERS];
    sites[host] = { enabled: site.enabled, look: site.look ?? 'underline', layers: LAYERS.filter((l) => l === 'bridge' || chosen.includes(l)) };
  }
  return sites;
}

const defineSiteSettings = () =>
  storage.defineItem<SiteSettings>('local:sites', { fallback: {}, version: 3, migrations: { 2: migrateSitesV2, 3: migrateSitesV3 } });
let siteSettingsItem: ReturnType<typeof defineSiteSettings> | undefined;

/**
 * The stored per-site settings. Defined on first use, not when this module loads: defining the
 * item starts its migration check (a storage read), which the content script must not do while
 * the page is still loading.
 */
export function siteSettings(): ReturnType<typeof defineSiteSettings> {
  return (siteSettingsItem ??= defineSiteSettings());
}

/**
 * `unwatch`, made safe to call when the page's script ends because the extension went away
 * (updated, reloaded, removed): the storage API went with it, stopping a watch then throws, and
 * there is nothing left to stop.
 */
export function unwatchQuietly(unwatch: () => void): () => void {
  return () => {
    try {
      unwatch();
    } catch {
      // The extension is gone, and its storage listeners with it.
    }
  };
}

/** Parses a stored value; on a bad shape returns the fallback and says why (console, once per read). */
export function parseSetting<S extends z.core.$ZodType>(schema: S, value: unknown, fallback: z.output<S>, name: string): z.output<S> {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  console.warn(`[Stakelens] ignoring malformed ${name} setting: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
  return fallback;
}

export async function getSiteSettings(): Promise<SiteSettings> {
  return parseSetting(siteSettingsSchema, await siteSettings().getValue(), {}, 'sites');
}

/** The hosts one site's settings apply to: every host of a built-in app, or the one host of another site. */
export function hostsOfSite(host: string): string[] {
  return siteForHost(host)?.hosts ?? [host];
}

/** A site's settings, defaults filled in: on by default on the built-in apps, off elsewhere until turned on. */
export function siteSettingFor(settings: SiteSettings, host: string): SiteSetting {
  return settings[host] ?? { enabled: siteForHost(host) !== undefined, look: 'underline', layers: [...LAYERS] };
}

export function isSiteEnabled(settings: SiteSettings, host: string): boolean {
  return siteSettingFor(settings, host).enabled;
}

/** `settings` with one site's settings changed, on every host of that site. */
export function withSiteChange(settings: SiteSettings, host: string, change: Partial<SiteSetting>): SiteSettings {
  const next = { ...settings };
  for (const h of hostsOfSite(host)) next[h] = { ...siteSettingFor(settings, h), ...change };
  return next;
}

/** Changes one site's settings in storage, on every host of that site. */
export async function updateSite(host: string, change: Partial<SiteSetting>): Promise<void> {
  await siteSettings().setValue(withSiteChange(await getSiteSettings(), host, change));
}

export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  await updateSite(host, { enabled });
}

