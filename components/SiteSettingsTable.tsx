import { useEffect } from 'react';
import { useStore } from 'zustand';
import { LAYERS } from '../lib/risk/schema';
import { LAYER_NAMES } from '../lib/ui/format';
import { MARK_LOOKS, siteSettingFor, type MarkLook, type SiteSetting } from '../lib/settings';
import { SITES } from '../lib/sites';
import { changeSite, followSiteSettings, optionsStore } from '../lib/ui/options-store';
import { t, type PlainKey } from '../lib/i18n';

const LOOK_NAMES: Record<MarkLook, PlainKey> = { underline: 'options.sites.look.underline', badge: 'options.sites.look.badge', none: 'options.sites.look.none' };

/** One row per site: on or off, how marks look, which risk layers the tooltip shows. Changes apply at once. */
export function SiteSettingsTable() {
  const { sites } = useStore(optionsStore);
  useEffect(() => followSiteSettings(), []);

  const builtIn = SITES.map((site) => ({ id: site.id, name: site.name, host: site.hosts[0]! }));
  const builtInHosts = new Set(SITES.flatMap((site) => site.hosts));
  const others = Object.keys(sites)
    .filter((host) => !builtInHosts.has(host))
    .sort()
    .map((host) => ({ id: host, name: host, host }));

  return (
    <section data-testid="site-settings">
      <h2>{t('options.sites.heading')}</h2>
      <p className="pp-muted">{t('options.sites.intro')}</p>
      <table className="pp-table">
        <thead>
          <tr>
            <th>{t('options.sites.site')}</th>
            <th>{t('options.sites.on')}</th>
            <th>{t('options.sites.marks')}</th>
            <th>{t('options.sites.layers')}</th>
          </tr>
        </thead>
        <tbody>
          {[...builtIn, ...others].map(({ id, name, host }) => (
            <SiteRow key={id} id={id} name={name} host={host} setting={siteSettingFor(sites, host)} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SiteRow({ id, name, host, setting }: { id: string; name: string; host: string; setting: SiteSetting }) {
  const change = (patch: Partial<SiteSetting>) => void changeSite(host, patch);
  return (
    <tr data-site={id}>
      <td>{name}</td>
      <td>
        <input type="checkbox" aria-label={t('options.sites.enabledLabel', { site: name })} data-testid={`site-enabled-${id}`} checked={setting.enabled} onChange={(e) => change({ enabled: e.target.checked })} />
      </td>
      <td>
        <select aria-label={t('options.sites.lookLabel', { site: name })} data-testid={`site-look-${id}`} value={setting.look} onChange={(e) => change({ look: e.target.value as MarkLook })}>
          {MARK_LOOKS.map((look) => (
            <option key={look} value={look}>
              {t(LOOK_NAMES[look])}
            </option>
          ))}
        </select>
      </td>
      <td className="pp-layers">
        {LAYERS.map((layer) => (
          <label key={layer} title={LAYER_NAMES[layer]}>
            <input
              type="checkbox"
              data-testid={`site-layer-${id}-${layer}`}
              checked={setting.layers.includes(layer)}
              onChange={(e) => change({ layers: LAYERS.filter((l) => (l === layer ? e.target.checked : setting.layers.includes(l))) })}
            />
            {LAYER_NAMES[layer]}
          </label>
        ))}
      </td>
    </tr>
  );
}
