import { createStore } from 'zustand/vanilla';
import { getSiteSettings, parseSetting, siteSettings, siteSettingsSchema, withSiteChange, type SiteSetting, type SiteSettings } from '../settings';

/** The options page's view of the per-site settings, fed from storage and kept current with it. */
export const optionsStore = createStore<{ sites: SiteSettings; loaded: boolean }>(() => ({ sites: {}, loaded: false }));

export function followSiteSettings(): () => void {
  void getSiteSettings().then((sites) => optionsStore.setState({ sites, loaded: true }));
  return siteSettings().watch((value) => optionsStore.setState({ sites: parseSetting(siteSettingsSchema, value, {}, 'sites'), loaded: true }));
}

/** Changes a site at once on the page (a controlled checkbox must not flick back), then in storage. */
export function changeSite(host: string, change: Partial<SiteSetting>): Promise<void> {
  const next = withSiteChange(optionsStore.getState().sites, host, change);
  optionsStore.setState({ sites: next });
  return siteSettings().setValue(next);
}
