import { formatEther } from 'viem';
import type { Figures } from '../lib/chain/figures';
import type { FigureReplyMessage } from '../lib/messaging';
import { useStore } from 'zustand';
import { riskRows, type LayerId } from '../lib/risk/layers';
import type { MatchKind } from '../lib/scan/marks';
import { rich, t, type PlainKey } from '../lib/i18n';
import type { LayerRow } from '../lib/risk/layers';
import { tokenBySymbol } from '../lib/tokens/registry';
import { chainName, formatAge, formatBps, formatDuration, formatPercent, formatRange, formatWad, LAYER_NAMES, layerWhy, pegTone } from '../lib/ui/format';
import { preferencesStore } from '../lib/ui/preferences-store';
import type { HistoryView } from '../lib/chain/peg-points';
import { AlertList } from './AlertList';
import { Sparkline } from './Sparkline';

export interface TooltipProps {
  id: string;
  symbol: string;
  chainId: number;
  match: MatchKind | null;
  via: string | null;
  reply: FigureReplyMessage | null;
  loading: boolean;
  error: string | null;
  siteId: string | null;
  /** The risk layers this site's settings show (all by default). */
  layers?: readonly LayerId[];
  now: number;
  onRefresh: () => void;
  /** Watch the token (read every minute, notified), or stop. */
  onWatch?: (watched: boolean) => void;
  /** Opens the board at this token (the token's name becomes a link to it). */
  onOpenBoard?: () => void;
  /** The peg over the last 30 days (a sparkline in the peg section); absent where not asked for. */
  history?: HistoryView | null;
}


/** The tooltip: who the token is, its peg, how to get out, and which layer could hurt. */
export function Tooltip(props: TooltipProps) {
  const { symbol, chainId, reply, now } = props;
  const token = tokenBySymbol(symbol);
  const figures = reply?.figures ?? null;
  const ageS = figures ? Math.max(0, Math.floor((now - figures.readAt) / 1000)) : null;
  const problem = props.error ?? reply?.error ?? null;

  const { units } = useStore(preferencesStore);
  const watched = reply?.watched ?? false;

  return (
    <div role="tooltip" id={props.id} className="sl-tooltip" data-stakelens-tooltip={symbol}>
      {/* The bad day first: every alert in force, worst first, before anything else. */}
      {reply?.alerts?.length ? <AlertList alerts={reply.alerts} units={units} now={now} figuresReadAt={figures?.readAt ?? null} className="sl-alerts" /> : null}
      {props.match === 'mismatch' && (
        <p className="sl-alert" role="alert">
          {props.via && /[^\x20-\x7E]/.test(props.via)
            ? t('tooltip.lookalike.characters', { via: props.via, symbol })
            : t('tooltip.lookalike.address', { shown: props.via ?? symbol, symbol })}{' '}
          {t('tooltip.lookalike.realFigures', { symbol })}
        </p>
      )}
      <header className="sl-head">
        {props.onOpenBoard ? (
          <button type="button" className="sl-name" data-testid="open-board" title={t('tooltip.openBoard', { symbol })} onClick={props.onOpenBoard}>
            {symbol}
          </button>
        ) : (
          <strong>{symbol}</strong>
        )}
        <span className="sl-tag">{token?.kind ?? '?'}</span>
        <span className="sl-muted">
          {token?.protocol ?? t('tooltip.unknownIssuer')} · {chainName(chainId)}
        </span>
        {/* No match off a page (the board): there is no page text to verify. */}
        {props.match && <span className={`sl-match sl-match-${props.match}`}>{matchLabel(props.match)}</span>}
      </header>

      {props.loading && !figures && <p className="sl-muted">{t('tooltip.readingChain')}</p>}
      {problem && (
        <p className="sl-warn" data-testid="tooltip-problem">
          {figures ? t('tooltip.problem.stale', { age: formatAge(ageS!), problem }) : t('tooltip.problem.none', { problem })}
        </p>
      )}

      <PegSection figures={figures} ageS={ageS} stale={reply?.stale ?? false} history={props.history} />
      <ExitSection figures={figures} />
      <YieldSection reply={reply} />
      {props.layers?.length !== 0 && <RiskSection symbol={symbol} chainId={chainId} figures={figures} siteId={props.siteId} layers={props.layers} now={now} />}

      <footer className="sl-foot">
        <span className="sl-muted">
          {figures ? t('tooltip.block', { block: Number(figures.blockNumber).toLocaleString('en-US'), host: figures.rpcHost }) : ' '}
        </span>
        <span className="sl-actions">
          {props.onWatch && (
            <button type="button" className="sl-button" data-testid="watch" aria-pressed={watched} title={t('alert.watchHint')} onClick={() => props.onWatch!(!watched)}>
              {watched ? `★ ${t('alert.watching')}` : `☆ ${t('alert.watch')}`}
            </button>
          )}
          <button type="button" className="sl-button" onClick={props.onRefresh} disabled={props.loading}>
            {props.loading ? t('tooltip.reading') : t('common.refresh')}
          </button>
        </span>
      </footer>
    </div>
  );
}

function matchLabel(match: MatchKind | null): string {
  if (match === 'address') return t('tooltip.match.address');
  if (match === 'mismatch') return t('tooltip.match.mismatch');
  return t('tooltip.match.symbol');
}

const CONFIDENCE: Record<LayerRow['confidence'], PlainKey> = {
  primary: 'risk.confidence.primary',
  secondary: 'risk.confidence.secondary',
  'third-party': 'risk.confidence.thirdParty',
  unverified: 'risk.confidence.unverified',
  live: 'risk.confidence.live',
};

function PegSection({ figures, ageS, stale, history }: { figures: Figures | null; ageS: number | null; stale: boolean; history?: HistoryView | null }) {
  const { units, thresholds } = useStore(preferencesStore);
  const peg = figures?.peg;
  const bps = peg?.bps ?? null;
  const source = figures?.markets.find((m) => m.id === peg?.sourceId);
  const move = figures?.redemption.move ?? null;
  const waiting = move !== null && !move.confirmed;
  return (
    <section data-section="peg" data-peg-bps={bps ?? ''} data-age-s={ageS ?? ''} data-redemption={figures?.redemption.value ? formatEther(BigInt(figures.redemption.value)) : ''} className="sl-section">
      <h3>{t('tooltip.peg.heading')}</h3>
      {figures && peg && bps !== null ? (
        <>
          <p>
            {rich('tooltip.peg.distance', { distance: <span className={`sl-peg sl-${pegTone(bps, thresholds)}`}>{formatBps(bps, units)}</span> })}
            {stale && <span className="sl-stale"> · {t('tooltip.peg.stale')}</span>}
          </p>
          <p className="sl-muted">
            {t('tooltip.peg.detail', {
              market: formatWad(peg.market!),
              source: source?.label ?? '',
              redemption: formatWad(figures.redemption.value!),
              rate: figures.redemption.label,
              age: formatAge(ageS ?? 0),
            })}
          </p>
          {peg.disagreementBps !== null && peg.disagreementBps > 50 && (
            <p className="sl-warn">{t('tooltip.peg.disagree', { bps: peg.disagreementBps })}</p>
          )}
        </>
      ) : (
        <p className="sl-muted">{t('common.unavailableLine', { reason: figures?.peg.reason ?? figures?.redemption.reason ?? t('common.notReadYet') })}</p>
      )}
      {history !== undefined && (
        <p className="sl-history-line">
          <span className="sl-muted">{t('tooltip.peg.history')} </span>
          <Sparkline series={history?.series ?? null} pending={history?.pending ?? false} units={units} />
        </p>
      )}
      {figures && waiting && move.from && (
        // Never dark: the new value beside the last trusted one, while a second source is awaited.
        <p className="sl-warn" data-testid="unconfirmed-value">
          {t('tooltip.peg.unconfirmed', { to: formatWad(move.to), from: formatWad(move.from) })}
        </p>
      )}
      {figures && (
        <details>
          <summary>{t('tooltip.peg.sources', { read: figures.markets.filter((m) => m.price).length, total: figures.markets.length })}</summary>
          <ul className="sl-sources">
            {figures.markets.map((m) => (
              <li key={m.id}>
                {m.label}: {m.price ? t('tooltip.peg.price', { price: formatWad(m.price) }) : t('common.unavailable')}
                {m.reason ? ` (${m.reason})` : ''}
              </li>
            ))}
            {figures.redemption.checks.map((c) => (
              <li key={c.label} data-check={c.kind}>
                {c.label}: {c.value ? t('tooltip.peg.price', { price: formatWad(c.value) }) : t('common.unavailable')}
                {c.agrees === true ? ` (${t('tooltip.peg.agrees')})` : c.agrees === false ? ` (${t('tooltip.peg.disagrees')})` : c.reason ? ` (${c.reason})` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function ExitSection({ figures }: { figures: Figures | null }) {
  const bridged = figures !== null && figures.chainId !== tokenBySymbol(figures.symbol)?.homeChainId;
  const redeem = figures?.redeem;
  const sell = figures?.sell;
  const quote = sell?.quotes[1] ?? sell?.quotes[0];
  const instant = figures?.instant ?? null;
  const cheapest = cheaperRoad(quote, instant);
  return (
    <section
      data-section="exit"
      data-redeem-seconds-min={redeem?.minSeconds ?? ''}
      data-redeem-seconds-max={redeem?.maxSeconds ?? ''}
      data-cheapest={cheapest?.road ?? ''}
      className="sl-section"
    >
      <h3>{t('tooltip.exit.heading')}</h3>
      {figures ? (
        <>
          <p>
            <b>{t('tooltip.exit.sellNow')}</b>:{' '}
            {quote && quote.costBps !== null
              ? t('tooltip.exit.sellCost', { eth: formatWad(quote.valueEth, 0), bps: quote.costBps, venue: sell!.venue ?? '' })
              : t('common.unavailableBecause', { reason: quote?.reason ?? sell?.reason ?? t('tooltip.exit.noQuote') })}
          </p>
          {instant && <InstantRoad instant={instant} bridged={bridged} />}
          {cheapest && (
            <p className="sl-muted" data-testid="cheapest">
              {cheapest.road === 'instant'
                ? t('tooltip.exit.cheaperInstant', { eth: formatWad(cheapest.valueEth, 0), instant: cheapest.instantBps, sell: cheapest.sellBps })
                : t('tooltip.exit.cheaperSell', { eth: formatWad(cheapest.valueEth, 0), instant: cheapest.instantBps, sell: cheapest.sellBps })}
            </p>
          )}
          <p>
            <b>{t('tooltip.exit.redeem')}</b>:{' '}
            {redeem && redeem.reason === null
              ? formatRange(redeem.minSeconds, redeem.maxSeconds)
              : t('common.unavailableBecause', { reason: String(redeem?.reason) })}
            {bridged && redeem?.reason === null && ` ${t('tooltip.exit.bridged')}`}
          </p>
          {redeem && redeem.parts.length > 0 && (
            <details>
              <summary>{t('tooltip.exit.parts')}</summary>
              <ul>
                {redeem.parts.map((part) => (
                  <li key={part.label}>
                    {part.label}
                    {part.minSeconds === null ? '' : `: ${formatRange(part.minSeconds, part.maxSeconds)}`}
                    {part.measured ? '' : ` (${t('tooltip.exit.typical')})`}
                  </li>
                ))}
                {redeem.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      ) : (
        <p className="sl-muted">{t('common.unavailableLine', { reason: t('common.notReadYet') })}</p>
      )}
    </section>
  );
}

type InstantRoadFigures = NonNullable<Figures['instant']>;

/**
 * Of the two roads that pay now, the cheaper at the size the sell line quotes (about 100 ETH): the
 * DEX sale's cost against the redemption value, or the instant withdrawal's fee. Only when both are read.
 */
function cheaperRoad(sell: Figures['sell']['quotes'][number] | undefined, instant: InstantRoadFigures | null) {
  if (!sell || sell.costBps === null || !instant?.usable) return null;
  const through = instant.quotes.find((q) => q.valueEth === sell.valueEth);
  if (!through || through.outEth === null) return null;
  const value = BigInt(through.valueEth);
  const instantBps = Number(((value - BigInt(through.outEth)) * 10_000n) / value);
  return { road: instantBps <= sell.costBps ? ('instant' as const) : ('sell' as const), valueEth: through.valueEth, instantBps, sellBps: sell.costBps };
}

/**
 * The instant-withdrawal road: usable now or why not, the fee, what it can pay now, and what each size
 * gets. Hooks: [data-road="instant"] with data-usable, data-fee-bps, data-capacity-eth (ETH, decimal),
 * data-wait-seconds; one [data-instant-size] per size with data-out-eth (empty beyond the capacity).
 */
function InstantRoad({ instant, bridged }: { instant: InstantRoadFigures; bridged: boolean }) {
  const hundred = instant.quotes[1] ?? instant.quotes[0];
  const capacity = instant.capacityEth !== null ? formatWad(instant.capacityEth, 0) : null;
  const feeRange = instant.feeMaxBps !== null && instant.feeMaxBps !== instant.feeBps ? t('tooltip.exit.instantFeeRange', { max: instant.feeMaxBps }) : null;
  let line: string;
  if (!instant.exists) line = t('tooltip.exit.instantNone', { reason: instant.reason ?? '' });
  else if (!instant.usable || !hundred) line = t('common.unavailableBecause', { reason: instant.reason ?? t('tooltip.exit.noQuote') });
  else if (hundred.outEth === null) line = t('tooltip.exit.instantTooBig', { eth: formatWad(hundred.valueEth, 0), reason: hundred.reason ?? '' });
  else line = t('tooltip.exit.instantOut', { eth: formatWad(hundred.valueEth, 0), out: formatWad(hundred.outEth, 2), bps: hundred.feeBps ?? '', capacity: capacity ?? '' });
  return (
    <div
      data-road="instant"
      data-usable={instant.usable === null ? '' : String(instant.usable)}
      data-fee-bps={instant.feeBps ?? ''}
      data-capacity-eth={instant.capacityEth !== null ? formatEther(BigInt(instant.capacityEth)) : ''}
      data-wait-seconds={instant.waitSeconds ?? ''}
    >
      <p>
        <b>{t('tooltip.exit.instant')}</b>: {line}
        {feeRange && ` ${feeRange}`}
        {bridged && instant.exists && ` ${t('tooltip.exit.bridged')}`}
      </p>
      {instant.exists && (
        <details>
          <summary>{t('tooltip.exit.instantBySize')}</summary>
          <ul>
            {instant.quotes.map((q) => (
              <li key={q.valueEth} data-instant-size={formatWad(q.valueEth, 0).replace(/,/g, '')} data-out-eth={q.outEth !== null ? formatEther(BigInt(q.outEth)) : ''}>
                {q.outEth !== null
                  ? t('tooltip.exit.instantSize', { eth: formatWad(q.valueEth, 0), out: formatWad(q.outEth, 4), bps: q.feeBps ?? '' })
                  : t('tooltip.exit.instantSizeNot', { eth: formatWad(q.valueEth, 0), reason: q.reason ?? '' })}
              </li>
            ))}
            <li>{t('tooltip.exit.instantFee', { fee: instant.feeLabel ?? t('common.unavailable') })}</li>
            {instant.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
            <li className="sl-muted">{t('tooltip.exit.instantReads', { label: instant.label })}</li>
          </ul>
        </details>
      )}
    </div>
  );
}

function YieldSection({ reply }: { reply: FigureReplyMessage | null }) {
  const realized = reply?.realized ?? null;
  const windows = realized?.result?.windows ?? [];
  const apr7 = windows.find((w) => w.days === 7)?.aprBps ?? null;
  const since = realized?.storedSince ?? null;
  const now = reply?.figures?.readAt ?? realized?.readAt ?? 0;
  return (
    <section data-section="yield" data-apr-7d-bps={apr7 ?? ''} className="sl-section">
      <h3>{t('tooltip.yield.heading')}</h3>
      {realized?.result ? (
        <>
          <p>
            {windows.map((w, i) => (
              <span key={w.days}>
                {i > 0 && ' · '}
                {rich('tooltip.yield.window', { days: w.days, apr: <b>{w.aprBps !== null ? formatPercent(w.aprBps) : t('common.unavailable')}</b> })}
              </span>
            ))}{' '}
            <span className="sl-muted">{t('tooltip.yield.aprFrom', { label: realized.label ?? '' })}</span>
          </p>
          {windows
            .filter((w) => w.reason)
            .map((w) => (
              <p key={w.days} className="sl-muted">
                {t('tooltip.yield.windowReason', { days: w.days, reason: w.reason ?? '' })}
              </p>
            ))}
          {since && 'block' in since && (
            <p className={since.atLeast ? 'sl-warn' : 'sl-muted'} data-testid="stored-age">
              {since.atLeast
                ? t('tooltip.yield.stuck', { duration: formatDuration(now / 1000 - since.timestamp) })
                : t('tooltip.yield.updated', { age: formatAge(now / 1000 - since.timestamp), block: Number(since.block).toLocaleString('en-US') })}
            </p>
          )}
          {since && 'reason' in since && <p className="sl-muted">{t('tooltip.yield.ageUnknown', { reason: since.reason })}</p>}
        </>
      ) : (
        <p className="sl-muted">
          {reply?.realizedPending || !realized ? t('tooltip.yield.reading') : t('common.unavailableLine', { reason: String(realized.reason) })}
        </p>
      )}
    </section>
  );
}

interface RiskSectionProps {
  symbol: string;
  chainId: number;
  figures: Figures | null;
  siteId: string | null;
  layers?: readonly LayerId[];
  now: number;
}

function RiskSection({ symbol, chainId, figures, siteId, layers, now }: RiskSectionProps) {
  const { thresholds, units } = useStore(preferencesStore);
  // Fixed order, from the validators up to the market: the same layer sits in the same row on every
  // token, so a glance compares tokens; the level's colour carries the severity.
  const rows = riskRows(symbol, figures, { siteId, chainId, thresholds }).filter((row) => !layers || layers.includes(row.layer));
  return (
    <section data-section="risk" className="sl-section">
      <h3>{t('tooltip.risk.heading')}</h3>
      <ul className="sl-risk">
        {rows.map((row) => (
          <li key={row.layer} data-layer={row.layer} data-level={row.level} data-sources={row.sources.length}>
            <span className={`sl-level sl-level-${row.level}`}>{t(`risk.level.${row.level}`)}</span>
            <span className="sl-layer">{LAYER_NAMES[row.layer]}</span>
            <span className="sl-why">
              {layerWhy(row, units)}
              {row.signal && <b className="sl-signal"> {row.signal}.</b>}{' '}
              <span className="sl-src">
                {row.sources.map((url, i) => (
                  <a key={url} href={url} target="_blank" rel="noopener noreferrer" title={url}>
                    [{i + 1}]
                  </a>
                ))}
                {row.reviewed && row.sources.length > 0 && <span className="sl-muted"> · {t('tooltip.risk.reviewed', { date: row.reviewed })}</span>}
                {row.confidence !== 'live' && row.confidence !== 'primary' && row.sources.length > 0 && <span className="sl-muted"> · {t(CONFIDENCE[row.confidence])}</span>}
              </span>
              {row.restaking && <RestakingDetail live={row.restaking} now={now} />}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const shortAddress = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

/** A magnitude as a share of the operator's max magnitude (both read together). */
const ofMax = (magnitude: string, max: string | null) => (max && BigInt(max) > 0n ? formatPercent(Number((BigInt(magnitude) * 10_000n) / BigInt(max))) : t('common.unavailable'));

/**
 * The restaking row's live part: each EigenLayer operator holding the token's stake, the operator
 * sets it allocates to and the share of its magnitude that is slashable, and the stake-weighted sum,
 * with the block it was read at. Hooks: data-slashable-bps (empty when unread), data-operator-sets.
 */
function RestakingDetail({ live, now }: { live: NonNullable<LayerRow['restaking']>; now: number }) {
  if (live.unread) return <span className="sl-muted sl-restaking" data-restaking="unread"> {t('risk.restaking.notRead', { why: live.unread })}</span>;
  const r = live.reading;
  if (!r) return <span className="sl-muted sl-restaking" data-restaking="pending"> {t('risk.restaking.notReadYet')}</span>;
  const ageS = live.readAt !== null ? Math.max(0, Math.floor((now - live.readAt) / 1000)) : null;
  // Allocations carried from an earlier read (they move only after days) carry their own age.
  const carried = r.allocationsReadAt !== null && live.readAt !== null && live.readAt - r.allocationsReadAt >= 60_000;
  const carriedS = carried ? Math.max(0, Math.floor((now - r.allocationsReadAt!) / 1000)) : null;
  const share = r.slashableBps !== null ? formatPercent(r.slashableBps) : null;
  const sum =
    share === null ? null : r.setCount === 0 ? t('risk.restaking.slashableNone', { share }) : r.setCount === 1 ? t('risk.restaking.slashableOne', { share }) : t('risk.restaking.slashableMany', { share, count: String(r.setCount) });
  return (
    <span className="sl-restaking" data-restaking="live" data-slashable-bps={r.slashableBps ?? ''} data-operator-sets={r.setCount} data-allocations-read-at={r.allocationsReadAt ?? ''}>
      {' '}
      {sum ? <b data-testid="restaking-sum">{sum}.</b> : <span className="sl-warn">{t('risk.restaking.unavailable', { reason: r.reason ?? '' })}</span>}{' '}
      {sum && r.reason && <span className="sl-muted">({r.reason}) </span>}
      <span className="sl-muted">{t('risk.restaking.covers', { covers: r.covers })}</span>
      <ul className="sl-operators">
        {r.operators.map((o) => (
          <li key={o.address} data-operator={o.address} data-operator-slashable-bps={o.slashableBps ?? ''}>
            <span title={o.address}>{o.label ? `${o.label} ${shortAddress(o.address)}` : shortAddress(o.address)}</span>
            {': '}
            {o.slashableBps !== null ? t('risk.restaking.operator', { share: formatPercent(o.slashableBps) }) : t('common.unavailableBecause', { reason: o.reason ?? '' })}
            {o.sets.length > 0 && (
              <ul>
                {o.sets.map((s) => (
                  <li key={`${s.avs}:${s.id}`} data-operator-set={`${s.avs}:${s.id}`} data-registered={s.registered}>
                    <span title={s.avs}>{t('risk.restaking.set', { avs: shortAddress(s.avs), id: String(s.id), share: ofMax(s.magnitude, o.maxMagnitude) })}</span>
                    {!s.registered && <span className="sl-muted"> · {t('risk.restaking.notRegistered')}</span>}
                    {s.pendingDiff !== null && s.effectBlock !== null && <span className="sl-muted"> · {t('risk.restaking.pending', { diff: ofMax(s.pendingDiff, o.maxMagnitude), block: String(s.effectBlock) })}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {BigInt(r.undelegatedShares) > 0n && <span className="sl-muted">{t('risk.restaking.undelegated', { amount: formatWad(r.undelegatedShares, 2) })} </span>}
      {r.unlisted.length > 0 && <span className="sl-warn">{t('risk.restaking.unlisted', { list: r.unlisted.map(shortAddress).join(', ') })} </span>}
      {r.missing.length > 0 && <span className="sl-warn">{t('risk.restaking.missing', { list: r.missing.join('; ') })} </span>}
      {live.blockNumber !== null && ageS !== null && <span className="sl-muted">{t('risk.restaking.block', { block: Number(live.blockNumber).toLocaleString('en-US'), age: formatAge(ageS) })}</span>}
      {carriedS !== null && <span className="sl-muted" data-testid="allocations-age">{t('risk.restaking.allocationsAge', { age: formatAge(carriedS) })}</span>}
    </span>
  );
}
