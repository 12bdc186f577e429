import { useState } from 'react';
import { exportSettings, importSettings } from '../lib/settings-file';
import { t } from '../lib/i18n';

/** Export the settings as a JSON file; import one back, checked whole before anything changes. */
export function SettingsFile() {
  const [status, setStatus] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);

  async function download() {
    const url = URL.createObjectURL(new Blob([await exportSettings()], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'stakelens-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }

  async function upload(file: File | undefined) {
    if (!file) return;
    setStatus({ tone: 'ok', text: t('options.file.checking', { file: file.name }) });
    const problem = file.size > 256 * 1024 ? t('options.file.tooLarge') : await importSettings(await file.text());
    setStatus(
      problem
        ? { tone: 'bad', text: t('options.file.notImported', { file: file.name, problem }) }
        : { tone: 'ok', text: t('options.file.imported', { file: file.name }) },
    );
  }

  return (
    <section data-testid="settings-file">
      <h2>{t('options.file.heading')}</h2>
      <div className="pp-row" style={{ justifyContent: 'flex-start' }}>
        <button type="button" data-testid="export-settings" onClick={() => void download()}>
          {t('options.file.export')}
        </button>
        <label>
          {t('options.file.import')}{' '}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-settings"
            onChange={(e) => {
              void upload(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {status && (
        <p role="status" data-testid="import-status" className={status.tone === 'ok' ? 'pp-ok' : 'pp-bad'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
