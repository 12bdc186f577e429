import { useEffect, useState } from 'react';
import { THRESHOLD_SOURCES, type Thresholds } from '../lib/risk/thresholds';
import { getPreferences, preferences, preferencesSchema, type Preferences } from '../lib/settings';

const FIELDS: { key: keyof Thresholds; label: string }[] = [
  { key: 'pegMediumBps', label: 'Peg below redemption value: medium from (bps)' },
  { key: 'pegHighBps', label: 'Peg below redemption value: high from (bps)' },
  { key: 'sellMediumBps', label: 'Cost of selling ~100 ETH: medium from (bps)' },
  { key: 'sellHighBps', label: 'Cost of selling ~100 ETH: high from (bps)' },
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
      return setStatus({ tone: 'bad', text: `${field ? `${field.label}: ` : ''}${issue.message.includes('expected number') ? 'a whole number of bps is needed' : issue.message}. Nothing was saved.` });
    }
    await preferences.setValue(parsed.data);
    setStatus({ tone: 'ok', text: 'Saved.' });
  }

  return (
    <section data-testid="risk-preferences">
      <h2>Risk thresholds and units</h2>
      {FIELDS.map(({ key, label }) => (
        <div className="pp-row" key={key}>
          <label htmlFor={`threshold-${key}`}>{label}</label>
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
        <label htmlFor="units">Show distances in</label>
        <select id="units" data-testid="units" value={units} onChange={(e) => setUnits(e.target.value as Preferences['units'])}>
          <option value="bps">basis points (−35 bps)</option>
          <option value="percent">percent (−0.35%)</option>
        </select>
      </div>
      <p className="pp-muted">Where the defaults (100 and 500 bps) come from:</p>
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
        Save thresholds and units
      </button>
      {status && (
        <p role="status" data-testid="preferences-status" className={status.tone === 'ok' ? 'pp-ok' : 'pp-bad'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
