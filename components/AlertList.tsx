import type { Alert } from '../lib/risk/alerts';
import { t } from '../lib/i18n';
import { alertKindName, describeAlert } from '../lib/ui/alert-text';
import { chainName, formatAge } from '../lib/ui/format';

interface AlertListProps {
  alerts: readonly Alert[];
  units: 'bps' | 'percent';
  now: number;
  /** When the figures behind the alerts were read (ms), for "from figures read N min ago". */
  figuresReadAt: number | null;
  className?: string;
  /** The popup names the token of each alert; the tooltip is about one token. */
  showToken?: boolean;
}

/** The alerts in force, worst first: one item each, with its figures and, when they are old, their age. */
export function AlertList({ alerts, units, now, figuresReadAt, className, showToken }: AlertListProps) {
  return (
    <div className={className} role="alert" data-testid="alerts">
      {alerts.map((alert) => {
        const text = describeAlert(alert.facts, units);
        const fall = alert.facts.kind === 'rate-fall' ? alert.facts : null;
        return (
          <div
            key={`${alert.chainId}:${alert.symbol}:${alert.kind}`}
            className={`sl-alert-item sl-alert-${alert.level}`}
            data-alert={alert.kind}
            data-level={alert.level}
            data-symbol={showToken ? alert.symbol : undefined}
            data-fall-bps={fall ? Math.max(1, fall.bps) : undefined}
            data-confirmed={fall ? String(fall.confirmed) : undefined}
          >
            <b>
              {t(`alert.level.${alert.level}`)}
              {showToken ? ` · ${alert.symbol} (${chainName(alert.chainId)})` : ''} · {alertKindName(alert.kind)}:
            </b>{' '}
            {text.title}
            {text.lines.map((line) => (
              <span key={line} className="sl-alert-line">
                {' '}
                {line}
              </span>
            ))}
            {alert.stale && figuresReadAt !== null && <span className="sl-alert-line"> {t('alert.staleFigures', { age: formatAge((now - figuresReadAt) / 1000) })}</span>}
          </div>
        );
      })}
    </div>
  );
}
