import { t, type PlainKey } from '../i18n';
import type { AlertFacts, AlertKind } from '../risk/alerts';
import { chainName, formatBps, formatDuration, formatWad } from './format';

/** Alerts in words: one title and the lines under it, the same in the tooltip, the popup, notifications and the history. */

const KEY: Record<AlertKind, 'depeg' | 'rateFall' | 'paused' | 'exitSlow' | 'stale' | 'unbacked'> = {
  depeg: 'depeg',
  'rate-fall': 'rateFall',
  paused: 'paused',
  'exit-slow': 'exitSlow',
  stale: 'stale',
  unbacked: 'unbacked',
};

export function alertKindName(kind: AlertKind): string {
  return t(`alert.kind.${KEY[kind]}` as PlainKey);
}

/** The badge's few letters for the worst alert. */
export function alertTag(kind: AlertKind): string {
  return t(`alert.tag.${KEY[kind]}` as PlainKey);
}

const when = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
const whole = (wad: string) => formatWad(wad, 0);

export function describeAlert(facts: AlertFacts, units: 'bps' | 'percent' = 'bps'): { title: string; lines: string[] } {
  switch (facts.kind) {
    case 'depeg':
      return {
        title: t('alert.depeg.title', { bps: formatBps(facts.bps, units).replace(/^−/, '') }),
        lines: [t('alert.depeg.detail', { market: formatWad(facts.market), count: facts.sources.length, redemption: formatWad(facts.redemption) })],
      };
    case 'rate-fall': {
      const at = { read: facts.read, to: formatWad(facts.to), time: when(facts.since), block: Number(facts.sinceBlock).toLocaleString('en-US') };
      return {
        title: t('alert.rateFall.title', { bps: formatBps(-facts.bps, units).replace(/^−/, '') }),
        lines: [
          facts.from ? t('alert.rateFall.fromTo', { ...at, from: formatWad(facts.from) }) : t('alert.rateFall.toOnly', at),
          facts.confirmed ? t('alert.rateFall.confirmed', { by: facts.confirmedBy ?? '' }) : t('alert.rateFall.unconfirmed'),
        ],
      };
    }
    case 'paused':
      return {
        title: t('alert.paused.title', { what: facts.affects.map((a) => t(`alert.paused.${a}`)).join(', ') }),
        lines: [t('alert.paused.detail', { reads: facts.reads.join(', ') })],
      };
    case 'exit-slow':
      return {
        title: facts.maxSeconds !== null ? t('alert.exitSlow.title', { duration: formatDuration(facts.maxSeconds) }) : alertKindName('exit-slow'),
        lines: [
          ...(facts.bunker ? [t('alert.exitSlow.bunker')] : []),
          ...(facts.queue ? [t('alert.exitSlow.queue', { before: whole(facts.queue.beforeEth), now: whole(facts.queue.eth), hours: facts.queue.hours })] : []),
          ...(facts.maxSeconds !== null && facts.maxSeconds >= facts.thresholdSeconds ? [t('alert.exitSlow.threshold', { duration: formatDuration(facts.thresholdSeconds) })] : []),
        ],
      };
    case 'stale': {
      const age = facts.ageSeconds === null ? null : formatDuration(facts.ageSeconds);
      const title = facts.what === 'redemption' ? t('alert.stale.redemption', { age: age ?? '?' }) : age ? t('alert.stale.market', { age }) : t('alert.stale.marketUnknown');
      return { title, lines: [t('alert.stale.detail', { limit: formatDuration(facts.limitSeconds), sources: facts.sources.join(', ') })] };
    }
    case 'unbacked':
      return {
        title: t('alert.unbacked.title', { supply: whole(facts.supply), held: whole(facts.held) }),
        lines: [t('alert.unbacked.detail', { chains: facts.chains.map(chainName).join(', '), excess: formatBps(facts.excessBps, units).replace(/^\+/, ''), escrow: facts.escrow })],
      };
  }
}
