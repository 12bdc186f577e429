import { useEffect, useState } from 'react';
import { readHistory, alertHistory, type HistoryEntry } from '../lib/alerts/tracker';
import { alertThresholdsSchema, ALERT_DEFAULT_SOURCES, checkOrder, defaultAlertThresholds, type AlertThresholds } from '../lib/risk/alert-thresholds';
import { alertSettings, getAlertSettings, getWatchlist, setWatched, watchlist, type AlertSettings as Settings, type WatchEntry } from '../lib/settings';
import { registry } from '../lib/tokens/registry';
import { t, type PlainKey } from '../lib/i18n';
import { alertKindName, describeAlert } from '../lib/ui/alert-text';
import { CHAIN_NAMES, chainName } from '../lib/ui/format';

const FIELDS: { key: keyof AlertThresholds; label: PlainKey }[] = [
  { key: 'depegMediumBps', label: 'options.alerts.depegMediumBps' },
  { key: 'depegHighBps', label: 'options.alerts.depegHighBps' },
  { key: 'rateFallMediumBps', label: 'options.alerts.rateFallMediumBps' },
  { key: 'rateFallHighBps', label: 'options.alerts.rateFallHighBps' },
  { key: 'exitSlowMediumDays', label: 'options.alerts.exitSlowMediumDays' },
  { key: 'exitSlowHighDays', label: 'options.alerts.exitSlowHighDays' },
  { key: 'queueGrowthRatio', label: 'options.alerts.queueGrowthRatio' },
  { key: 'storedRateMaxHours', label: 'options.alerts.storedRateMaxHours' },
];

/** Alerts in settings: notifications, the watchlist, where each alert starts per token, and the history. */
export function AlertSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [watched, setWatchedList] = useState<WatchEntry[]>([]);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  useEffect(() => {
    const load = () => {
      void getAlertSettings().then(setSettings);
      void getWatchlist().then(setWatchedList);
      void readHistory().then(setHistory);
    };
    load();
    const unwatch = [alertSettings.watch(load), watchlist.watch(load), alertHistory.watch(load)];
    return () => unwatch.forEach((stop) => stop());
  }, []);
  if (!settings) return null;

  return (
    <section data-testid="alert-settings">
      <h2>{t('options.alerts.heading')}</h2>
      <p className="pp-muted">{t('alert.watchHint')}</p>
      <label className="pp-row" style={{ justifyContent: 'flex-start' }}>
        <input
          type="checkbox"
          data-testid="alert-notify"
          checked={settings.notify}
          onChange={(e) => void alertSettings.setValue({ ...settings, notify: e.target.checked })}
        />
        {t('options.alerts.notify')}
      </label>
      <Watchlist entries={watched} />
      <Overrides settings={settings} />
      <History entries={history} />
    </section>
  );
}

function Watchlist({ entries }: { entries: WatchEntry[] }) {
  const [symbol, setSymbol] = useState(registry[0]!.symbol);
  const token = registry.find((r) => r.symbol === symbol)!;
  const chains = token.deployments.map((d) => d.chainId).filter((c, i, all) => CHAIN_NAMES[c] !== undefined && all.indexOf(c) === i);
  const [chainId, setChainId] = useState(chains[0]!);
  const chain = chains.includes(chainId) ? chainId : chains[0]!;
  return (
    <>
      <h3>{t('options.alerts.watchlist')}</h3>
      <ul data-testid="watchlist" className="pp-list">
        {entries.map((w) => (
          <li key={`${w.chainId}:${w.symbol}`} data-watch={`${w.symbol}:${w.chainId}`}>
            <span>
              <b>{w.symbol}</b> <span className="pp-muted">{chainName(w.chainId)}</span>
            </span>
            <button type="button" onClick={() => void setWatched(w, false)}>
              {t('options.alerts.unwatch')}
            </button>
          </li>
        ))}
        {!entries.length && <li className="pp-muted">{t('options.alerts.noneWatched')}</li>}
      </ul>
      <div className="pp-row" style={{ justifyContent: 'flex-start' }}>
        <select aria-label={t('options.alerts.token')} data-testid="watch-add-symbol" value={symbol} onChange={(e) => setSymbol(e.target.value)}>
          {registry.map((r) => (
            <option key={r.symbol} value={r.symbol}>
              {r.symbol}
            </option>
          ))}
        </select>
        <select aria-label={t('options.alerts.chain')} data-testid="watch-add-chain" value={chain} onChange={(e) => setChainId(Number(e.target.value))}>
          {chains.map((c) => (
            <option key={c} value={c}>
              {chainName(c)}
            </option>
          ))}
        </select>
        <button type="button" data-testid="watch-add" onClick={() => void setWatched({ symbol, chainId: chain }, true)}>
          {t('alert.watch')}
        </button>
      </div>
    </>
  );
}

function Overrides({ settings }: { settings: Settings }) {
  const [symbol, setSymbol] = useState(registry[0]!.symbol);
  const token = registry.find((r) => r.symbol === symbol)!;
  const defaults = defaultAlertThresholds(token.kind);
  const saved = settings.overrides[symbol] ?? {};
  // The form starts from what is saved for the token, and again whenever that changes (another token, a save, an import).
  const source = `${symbol}|${JSON.stringify(saved)}`;
  const fromSaved = () => Object.fromEntries(FIELDS.map(({ key }) => [key, saved[key] === undefined ? '' : String(saved[key])]));
  const [edit, setEdit] = useState<{ source: string; values: Record<string, string> } | null>(null);
  const draft = edit?.source === source ? edit.values : fromSaved();
  const setDraft = (values: Record<string, string>) => setEdit({ source, values });
  const [status, setStatus] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);

  async function save() {
    const override: Partial<AlertThresholds> = {};
    for (const { key } of FIELDS) {
      const text = draft[key]?.trim() ?? '';
      if (text !== '') override[key] = Number(text);
    }
    const parsed = alertThresholdsSchema.partial().safeParse(override);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = FIELDS.find((f) => issue.path.includes(f.key));
      return setStatus({ tone: 'bad', text: t('options.notSaved', { problem: field ? t('options.fieldProblem', { field: t(field.label), problem: issue.message }) : issue.message }) });
    }
    if (!checkOrder({ ...defaults, ...parsed.data })) return setStatus({ tone: 'bad', text: t('options.notSaved', { problem: t('options.alerts.order') }) });
    const overrides = { ...settings.overrides };
    if (Object.keys(parsed.data).length) overrides[symbol] = parsed.data;
    else delete overrides[symbol];
    await alertSettings.setValue({ ...settings, overrides });
    setStatus({ tone: 'ok', text: t('common.saved') });
  }

  return (
    <>
      <h3>{t('options.alerts.overrides')}</h3>
      <div className="pp-row" style={{ justifyContent: 'flex-start' }}>
        <select aria-label={t('options.alerts.token')} data-testid="override-symbol" value={symbol} onChange={(e) => (setSymbol(e.target.value), setStatus(null))}>
          {registry.map((r) => (
            <option key={r.symbol} value={r.symbol}>
              {r.symbol}
              {settings.overrides[r.symbol] ? ' *' : ''}
            </option>
          ))}
        </select>
      </div>
      {FIELDS.map(({ key, label }) => (
        <div className="pp-row" key={key}>
          <label htmlFor={`override-${key}`}>{t(label)}</label>
          <input
            id={`override-${key}`}
            data-testid={`override-${key}`}
            type="number"
            style={{ width: 90 }}
            placeholder={String(defaults[key])}
            value={draft[key] ?? ''}
            onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
          />
        </div>
      ))}
      <button type="button" data-testid="save-overrides" onClick={() => void save()}>
        {t('options.alerts.saveOverrides', { symbol })}
      </button>
      {status && (
        <p role="status" data-testid="overrides-status" className={status.tone === 'ok' ? 'pp-ok' : 'pp-bad'}>
          {status.text}
        </p>
      )}
      <p className="pp-muted">{t('options.alerts.sources')}</p>
      <ul className="pp-muted">
        {Object.values(ALERT_DEFAULT_SOURCES)
          .flat()
          .map((source) => (
            <li key={source.says}>
              <a href={source.url} target="_blank" rel="noopener noreferrer">
                {source.says}
              </a>
            </li>
          ))}
      </ul>
    </>
  );
}

function History({ entries }: { entries: HistoryEntry[] }) {
  const newest = [...entries].reverse();
  return (
    <>
      <h3>{t('options.alerts.history')}</h3>
      {!newest.length ? (
        <p className="pp-muted">{t('options.alerts.noHistory')}</p>
      ) : (
        <table data-testid="alert-history" className="pp-table">
          <thead>
            <tr>
              <th>{t('options.alerts.time')}</th>
              <th>{t('options.alerts.token')}</th>
              <th>{t('options.alerts.kind')}</th>
              <th>{t('options.alerts.what')}</th>
            </tr>
          </thead>
          <tbody>
            {newest.map((entry) => (
              <tr key={`${entry.at}:${entry.chainId}:${entry.symbol}:${entry.kind}:${entry.event}`} data-history-kind={entry.kind} data-history-event={entry.event} data-level={entry.level}>
                <td>{new Date(entry.at).toLocaleString()}</td>
                <td>
                  {entry.symbol} <span className="pp-muted">{chainName(entry.chainId)}</span>
                </td>
                <td>
                  {alertKindName(entry.kind)} · {t(`options.alerts.event.${entry.event}`)} ({t(`alert.level.${entry.level}`)})
                </td>
                <td>{describeAlert(entry.facts).title}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
