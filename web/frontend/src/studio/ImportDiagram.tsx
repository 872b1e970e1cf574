import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { reason } from './deploy';
import type { PendingDiagram } from './NewDiagram';
import { serverProblems } from './problems';
import { ProblemList } from './ProblemList';
import type { StudioApi } from './studioApi';
import type { ValidationResult } from './types';

/** A BPMN or DMN file from another modeler: the server's import check, then the editor. */
export function ImportDiagram({ studio, open }: { studio: StudioApi; open: (p: PendingDiagram) => void }) {
  const [file, setFile] = useState<{ name: string; xml: string } | null>(null);
  const [result, setResult] = useState<ValidationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (e: Event) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    setResult(null);
    setError(null);
    if (!f) return;
    setBusy(true);
    try {
      const xml = await f.text();
      setFile({ name: f.name, xml });
      setResult(await studio.validate([f]));
    } catch (err) {
      setError(reason(err));
    } finally {
      setBusy(false);
    }
  };

  const keys = result ? [...result.processKeys, ...result.decisionKeys] : [];
  const isDmn = !!file && file.name.toLowerCase().endsWith('.dmn');
  return (
    <section class="studio-form" data-testid="import">
      <label>{t('studio.import.choose')}
        <input type="file" name="file" accept=".bpmn,.dmn,.xml" data-testid="import-file" onChange={choose} />
      </label>
      {busy && <p class="loading" role="status">{t('studio.import.checking')}</p>}
      {error && <p class="error" role="alert" data-testid="import-error">{error}</p>}
      {result && file && (
        <div data-testid="import-result" data-valid={String(result.valid)}>
          <p class={result.valid ? 'notice' : 'error'}>
            {result.valid ? t('studio.import.valid', { keys: keys.join(', ') || '—' })
              : t('studio.import.invalid', { n: result.errors.length })}
          </p>
          <ProblemList problems={serverProblems(result.errors, () => false)} onSelect={() => undefined} />
          {keys.length > 0 && (
            <button type="button" data-testid="import-open" onClick={() => open({
              type: isDmn ? 'decision' : 'process', key: keys[0], fileName: file.name, xml: file.xml,
              title: t('studio.import.editing', { file: file.name }), errors: result.errors,
            })}>{t('studio.import.open')}</button>
          )}
        </div>
      )}
    </section>
  );
}
