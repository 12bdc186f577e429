import { useEffect, useState } from 'react';
import { THRESHOLD_SOURCES, type Thresholds } from '../lib/risk/thresholds';
import { getPreferences, preferences, preferencesSchema, type Preferences } from '../lib/settings';
import { t, type PlainKey } from '../lib/i18n';

const FIELDS: { key: keyof Thresholds; label: PlainKey }[] = [
  { key: 'pegMediumBps', label: 'options.thresholds.pegMediumBps' },
  { key: 'pegHighBps', label: 'options.thresholds.pegHighBps' },
  { key: 'sellMediumBps', label: 'options.thresholds.sellMediumBps' },
  { key: 'sellHighBps', label: 'options.thresholds.sellHighBps' },
];

/** Where the live liquidity risk turns medium and high, and how distances are shown. Checked before saving. */
export function RiskPreferences() {
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [units, setUnits] = useState<Preferences['units']>('bps');
  const [status, setStatus] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);

  useEffect(() => {
    const load = () =>
      void getPreferences().then((saved) => {
        setUnits(saved.units);
        setDraft(Object.fromEntries(FIELDS.map(({ key }) => [key, String(saved.thresholds[key])])));
      });
    load();
    return preferences.watch(load);
  }, []);

  async function save() {
    const thresholds = Object.fromEntries(FIELDS.map(({ key }) => [key, draft[key]?.trim() === '' ? NaN : Number(draft[key])]));
    const parsed = preferencesSchema.safeParse({ units, thresholds });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = FIELDS.find((f) => issue.path.includes(f.key));
      const problem = /expected (number|int)/.test(issue.message) ? t('options.thresholds.wholeNumber') : issue.message;
      const text = t('options.notSaved', { problem: field ? t('options.fieldProblem', { field: t(field.label), problem }) : problem });
      return setStatus({ tone: 'bad', text });
    }
    await preferences.setValue(parsed.data);
    setStatus({ tone: 'ok', text: t('common.saved') });
  }

  return (
    <section data-testid="risk-preferences">
      <h2>{t('options.thresholds.heading')}</h2>
      {FIELDS.map(({ key, label }) => (
        <div className="pp-row" key={key}>
          <label htmlFor={`threshold-${key}`}>{t(label)}</label>
          <input
            id={`threshold-${key}`}
            data-testid={`threshold-${key}`}
            type="number"
            min={1}
            max={5000}
            step={1}
            style={{ width: 90 }}
            value={draft[key] ?? ''}
            onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
          />
        </div>
      ))}
      <div className="pp-row">
        <label htmlFor="units">{t('options.thresholds.units')}</label>
        <select id="units" data-testid="units" value={units} onChange={(e) => setUnits(e.target.value as Preferences['units'])}>
          <option value="bps">{t('options.thresholds.unitBps')}</option>
          <option value="percent">{t('options.thresholds.unitPercent')}</option>
        </select>
      </div>
      <p className="pp-muted">{t('options.thresholds.sources')}</p>
      <ul className="pp-muted">
        {THRESHOLD_SOURCES.map((source) => (
          <li key={source.url}>
            <a href={source.url} target="_blank" rel="noopener noreferrer">
              {source.says}
            </a>
          </li>
        ))}
      </ul>
      <button type="button" data-testid="save-preferences" onClick={() => void save()}>
        {t('options.thresholds.save')}
      </button>
      {status && (
        <p role="status" data-testid="preferences-status" className={status.tone === 'ok' ? 'pp-ok' : 'pp-bad'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
