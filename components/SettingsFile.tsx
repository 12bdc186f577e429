import { useState } from 'react';
import { exportSettings, importSettings } from '../lib/settings-file';

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
    setStatus({ tone: 'ok', text: `Checking ${file.name}…` });
    const problem = file.size > 256 * 1024 ? 'larger than any settings file (256 KB)' : await importSettings(await file.text());
    setStatus(problem ? { tone: 'bad', text: `${file.name} was not imported: ${problem}. Nothing changed.` } : { tone: 'ok', text: `Imported ${file.name}.` });
  }

  return (
    <section data-testid="settings-file">
      <h2>Export and import</h2>
      <div className="pp-row" style={{ justifyContent: 'flex-start' }}>
        <button type="button" data-testid="export-settings" onClick={() => void download()}>
          Export settings
        </button>
        <label>
          Import a settings file{' '}
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
