import { useEffect, useState } from 'react';
import { endpointsFor } from '../lib/chain/endpoints';
import { readBeaconExit } from '../lib/chain/beacon';
import { shortError } from '../lib/chain/calls';
import { checkRpcEndpoint } from '../lib/chain/rpc-check';
import { beaconSetting, getBeaconSetting, getRpcSettings, rpcSettings } from '../lib/settings';
import { chainName } from '../lib/ui/format';
import { t } from '../lib/i18n';
import { AlertSettings } from './AlertSettings';
import { RiskPreferences } from './RiskPreferences';
import { SettingsFile } from './SettingsFile';
import { SiteSettingsTable } from './SiteSettingsTable';

const CHAINS = [1, 42161, 8453, 10] as const;

/** "Base: did not answer. Nothing was saved." */
function notSaved(field: string, problem: string): string {
  return t('options.notSaved', { problem: t('options.fieldProblem', { field, problem }) });
}

/** Settings: sites, RPC endpoints (checked before they are saved), beacon node, thresholds, the settings file. */
export function Options() {
  const [values, setValues] = useState<Record<number, string>>({});
  const [beacon, setBeacon] = useState('');
  const [status, setStatus] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);

  useEffect(() => {
    // Loaded now and again whenever storage changes (an imported file), so the form never shows old values.
    const load = () => {
      void getRpcSettings().then((saved) => setValues(Object.fromEntries(CHAINS.map((c) => [c, saved[String(c)]?.[0] ?? '']))));
      void getBeaconSetting().then(setBeacon);
    };
    load();
    const unwatch = [rpcSettings.watch(load), beaconSetting.watch(load)];
    return () => unwatch.forEach((stop) => stop());
  }, []);

  async function save() {
    setStatus(null);
    const next: Record<string, string[]> = {};
    for (const chainId of CHAINS) {
      const url = values[chainId]?.trim() ?? '';
      if (!url) continue;
      const problem = await checkRpcEndpoint(url, chainId);
      if (problem) return setStatus({ tone: 'bad', text: notSaved(chainName(chainId), problem) });
      next[String(chainId)] = [url];
    }
    const beaconUrl = beacon.trim();
    if (beaconUrl) {
      try {
        // Reads the queue once: a node of another network, or one that does not answer, is refused.
        await readBeaconExit(beaconUrl);
      } catch (error) {
        return setStatus({ tone: 'bad', text: notSaved(t('options.beacon.node'), shortError(error)) });
      }
    }
    await rpcSettings.setValue(next);
    await beaconSetting.setValue(beaconUrl);
    setStatus({ tone: 'ok', text: t('common.saved') });
  }

  return (
    <main className="pp" style={{ width: 'auto', maxWidth: 820 }}>
      <h1>{t('options.title')}</h1>
      <SiteSettingsTable />
      <h2>{t('options.rpc.heading')}</h2>
      <p className="pp-muted">{t('options.rpc.intro')}</p>
      {CHAINS.map((chainId) => (
        <div className="pp-row" key={chainId}>
          <label htmlFor={`rpc-${chainId}`}>{chainName(chainId)}</label>
          <input
            id={`rpc-${chainId}`}
            data-testid={`rpc-${chainId}`}
            type="url"
            style={{ flex: 1 }}
            placeholder={endpointsFor(chainId)[0] ?? 'https://…'}
            value={values[chainId] ?? ''}
            onChange={(e) => setValues({ ...values, [chainId]: e.target.value })}
          />
        </div>
      ))}
      <h2>{t('options.beacon.heading')}</h2>
      <p className="pp-muted">{t('options.beacon.intro')}</p>
      <div className="pp-row">
        <label htmlFor="beacon-url">{t('options.beacon.label')}</label>
        <input
          id="beacon-url"
          data-testid="beacon-url"
          type="url"
          style={{ flex: 1 }}
          placeholder="http://localhost:5052"
          value={beacon}
          onChange={(e) => setBeacon(e.target.value)}
        />
      </div>
      <button type="button" data-testid="save" onClick={() => void save()}>
        {t('options.save')}
      </button>
      {status && (
        <p role="status" data-testid="save-status" className={status.tone === 'ok' ? 'pp-ok' : 'pp-bad'}>
          {status.text}
        </p>
      )}
      <RiskPreferences />
      <AlertSettings />
      <SettingsFile />
    </main>
  );
}
