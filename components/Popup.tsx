import { useEffect } from 'react';
import { useStore } from 'zustand';
import { riskRows, worstRow } from '../lib/risk/layers';
import { chainName, formatAge, formatBps, LAYER_NAMES, pegTone } from '../lib/ui/format';
import { rich, t } from '../lib/i18n';
import { siteForHost } from '../lib/sites';
import { levelRank } from '../lib/risk/alerts';
import { loadTab, popupStore, refreshFigures, toggleSite, toggleWatch } from '../lib/ui/popup-store';
import { followPreferences, preferencesStore } from '../lib/ui/preferences-store';
import { send } from '../lib/messaging';
import { AlertList } from './AlertList';

/** popup.html?tabId=N describes tab N (tests and tools); otherwise the active tab. */
async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function Popup() {
  const state = useStore(popupStore);
  const { units, thresholds } = useStore(preferencesStore);
  useEffect(() => {
    followPreferences();
    void targetTabId().then(
      (id) => (id === null ? popupStore.setState({ loading: false }) : loadTab(id)),
      (error: Error) => popupStore.setState({ loading: false, error: t('popup.error.noTab', { error: error.message }) }),
    );
  }, []);

  const pegs = state.figures.map((f) => f.figures?.peg.bps).filter((b): b is number => typeof b === 'number');
  const worstPeg = pegs.length ? Math.min(...pegs) : null;
  const newest = Math.max(0, ...state.figures.map((f) => f.figures?.readAt ?? 0));
  // The highest layer of any token on the tab; the oracle row depends on the page, not the token.
  const siteId = state.host ? (siteForHost(state.host)?.id ?? 'generic') : null;
  const worstPerToken = state.figures.map((f) => ({ symbol: f.symbol, row: worstRow(riskRows(f.symbol, f.figures, { siteId, chainId: f.chainId, thresholds })) }));
  const highest = worstRow(worstPerToken.flatMap((t) => (t.row ? [t.row] : [])));
  const highestSymbol = worstPerToken.find((t) => t.row === highest)?.symbol;
  // The tab's alerts come first, worst first: the bad day is what the popup is opened for.
  const alerts = state.figures.flatMap((f) => f.alerts ?? []).sort((a, b) => levelRank(b.level) - levelRank(a.level));
  const oldest = Math.min(...state.figures.filter((f) => f.stale && f.figures).map((f) => f.figures!.readAt));

  return (
    <main className="pp">
      <h1>{t('app.name')}</h1>
      {state.error && <p className="pp-bad">{state.error}</p>}
      {state.host ? (
        <>
          <div className="pp-row">
            <label htmlFor="site-toggle">{t('popup.onHost', { host: state.host })}</label>
            <button
              id="site-toggle"
              type="button"
              role="switch"
              aria-checked={state.enabled}
              data-testid="site-toggle"
              className="pp-switch"
              onClick={() => void toggleSite()}
            />
          </div>
          {alerts.length > 0 && (
            <section data-testid="tab-alerts" aria-label={t('popup.alerts')}>
              <AlertList alerts={alerts} units={units} now={state.loadedAt} figuresReadAt={Number.isFinite(oldest) ? oldest : null} className="pp-alerts" showToken />
            </section>
          )}
          <ul className="pp-list" data-testid="tab-tokens">
            {state.tokens.map((token) => {
              const figures = state.figures.find((f) => f.symbol === token.symbol && f.chainId === token.chainId);
              const bps = figures?.figures?.peg.bps ?? null;
              const kinds = token.match === 'mismatch' ? [] : (figures?.alerts ?? []).map((a) => a.kind);
              const watched = figures?.watched ?? false;
              return (
                <li
                  key={`${token.chainId}:${token.symbol}:${token.match}`}
                  data-symbol={token.symbol}
                  data-chain={token.chainId}
                  data-match={token.match}
                  data-alert={kinds.join(' ')}
                  className={kinds.length ? 'pp-alerted' : undefined}
                >
                  <span>
                    {token.match !== 'mismatch' && (
                      <button
                        type="button"
                        className="pp-star"
                        data-testid={`watch-${token.symbol}-${token.chainId}`}
                        aria-pressed={watched}
                        aria-label={`${watched ? t('alert.watching') : t('alert.watch')} ${token.symbol}`}
                        title={t('alert.watchHint')}
                        onClick={() => void toggleWatch(token.symbol, token.chainId, !watched)}
                      >
                        {watched ? '★' : '☆'}
                      </button>
                    )}{' '}
                    <b>{token.symbol}</b> <span className="pp-muted">{chainName(token.chainId)}</span>
                    {token.match === 'mismatch' && <span className="pp-bad"> {t('popup.lookalike')}</span>}
                  </span>
                  <span className={`pp-${pegTone(bps, thresholds)}`} data-peg-bps={bps ?? ''}>
                    {bps !== null ? formatBps(bps, units) : figures?.error ? t('common.unavailable') : '…'}
                  </span>
                </li>
              );
            })}
          </ul>
          {!state.tokens.length && <p className="pp-muted">{state.enabled ? t('popup.noTokens') : t('popup.siteOff')}</p>}
          {!state.enabled && !siteForHost(state.host) && (
            <p className="pp-muted" data-testid="access-hint">
              {t('popup.accessHint', { host: state.host })}
            </p>
          )}
          {state.tokens.length > 0 && (
            <>
              <p>
                {rich('popup.worstPeg', { peg: <b>{worstPeg !== null ? formatBps(worstPeg, units) : t('common.unavailable')}</b> })}
                {highest && (
                  <>
                    {' '}
                    {rich('popup.highestRisk', {
                      level: (
                        <b data-testid="highest-risk" data-level={highest.level}>
                          {t(`risk.level.${highest.level}`)}
                        </b>
                      ),
                      symbol: highestSymbol,
                      layer: LAYER_NAMES[highest.layer],
                    })}
                  </>
                )}
              </p>
              <div className="pp-row">
                <span className="pp-muted">{newest ? t('popup.readAgo', { age: formatAge((state.loadedAt - newest) / 1000) }) : t('popup.notReadYet')}</span>
                <button type="button" onClick={() => void refreshFigures()} disabled={state.loading}>
                  {t('common.refresh')}
                </button>
              </div>
            </>
          )}
        </>
      ) : (
        !state.loading && <p className="pp-muted">{t('popup.notRunning')}</p>
      )}
      <p className="pp-row">
        <a href="#board" data-testid="open-board" onClick={(e) => (e.preventDefault(), void send('openBoard', {}).then(() => window.close()))}>
          {t('popup.openBoard')}
        </a>
        <a href="#settings" onClick={(e) => (e.preventDefault(), void browser.runtime.openOptionsPage())}>
          {t('popup.settings')}
        </a>
      </p>
    </main>
  );
}
