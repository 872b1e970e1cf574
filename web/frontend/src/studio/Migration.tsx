import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { reason } from './deploy';
import { VersionSelect } from './History';
import type { StudioApi } from './studioApi';
import type { MigrationPreview, MigrationStatus, ProcessVersion } from './types';

/** Moves the running instances of one version to another: preview, then a batch with its progress and result. */
export function Migration({ studio, docKey, onChanged }: { studio: StudioApi; docKey: string; onChanged: () => void }) {
  const [versions, setVersions] = useState<ProcessVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  const [preview, setPreview] = useState<MigrationPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<MigrationStatus | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    studio.versions(docKey).then((v) => {
      setVersions(v);
      setTo(v[0]?.version ?? 0);
      const running = v.slice(1).find((x) => (x.runningInstances ?? 0) > 0);
      setFrom(running?.version ?? v[1]?.version ?? v[0]?.version ?? 0);
    }, (e: unknown) => setError(reason(e)));
    return () => clearTimeout(timer.current);
  }, [docKey]);

  const doPreview = async () => {
    setBusy(true);
    setError(null);
    setPreview(null);
    setStatus(null);
    try {
      setPreview(await studio.previewMigration(docKey, from, to));
    } catch (e) {
      setError(reason(e));
    } finally {
      setBusy(false);
    }
  };

  const poll = (batchId: string) => {
    timer.current = setTimeout(async () => {
      try {
        const s = await studio.migration(docKey, batchId);
        setStatus(s);
        if (s.state === 'running') poll(batchId);
        else onChanged();
      } catch (e) {
        setError(reason(e));
      }
    }, 1000);
  };

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const s = await studio.migrate(docKey, from, to, comment.trim() || undefined);
      setStatus(s);
      poll(s.batchId);
    } catch (e) {
      setError(reason(e));
    } finally {
      setBusy(false);
    }
  };

  if (!versions) return error ? <p class="error" role="alert">{error}</p> : <p class="loading" role="status">{t('common.loading')}</p>;
  if (versions.length < 2) return <p class="empty" data-testid="migration-empty">{t('studio.migration.oneVersion')}</p>;
  const done = status ? status.completedJobs + status.failedJobs : 0;
  return (
    <section class="studio-migration" data-testid="migration">
      <div class="studio-compare">
        <label>{t('studio.history.from')} <VersionSelect versions={versions} value={from} onChange={(v) => { setFrom(v); setPreview(null); }} name="fromVersion" /></label>
        <label>{t('studio.history.to')} <VersionSelect versions={versions} value={to} onChange={(v) => { setTo(v); setPreview(null); }} name="toVersion" /></label>
        <button type="button" data-testid="migration-preview" disabled={busy || from === to} onClick={doPreview}>
          {t('studio.migration.preview')}
        </button>
      </div>
      {from === to && <p class="hint">{t('studio.migration.sameVersion')}</p>}
      {error && <p class="error" role="alert" data-testid="migration-error">{error}</p>}
      {preview && (
        <div class="studio-preview" data-testid="migration-result-preview">
          <p data-testid="migration-counts">
            {t('studio.migration.counts', { instances: preview.instances, can: preview.canMigrate, cannot: preview.cannotMigrate.length })}
          </p>
          {preview.checked < preview.instances && <p class="hint">{t('studio.migration.checkedOnly', { n: preview.checked })}</p>}
          {preview.planErrors.length > 0 && (
            <ul class="studio-problems">{preview.planErrors.map((e, i) => <li key={i} class="problem error">{e}</li>)}</ul>
          )}
          {preview.cannotMigrate.length > 0 && (
            <table class="studio-table" data-testid="migration-blocked">
              <thead><tr><th>{t('studio.migration.ticket')}</th><th>{t('studio.migration.reasons')}</th></tr></thead>
              <tbody>{preview.cannotMigrate.map((b) => (
                <tr key={b.processInstanceId}><td>{b.businessKey ?? b.processInstanceId}</td><td>{b.reasons.join('; ')}</td></tr>
              ))}</tbody>
            </table>
          )}
          {preview.canMigrate > 0 && !status && (
            <div class="buttons">
              <input type="text" name="migration-comment" placeholder={t('studio.migration.comment')} value={comment}
                     onInput={(e) => setComment((e.target as HTMLInputElement).value)} />
              <button type="button" data-testid="migration-run" disabled={busy} onClick={run}>
                {t('studio.migration.run', { n: preview.canMigrate })}
              </button>
            </div>
          )}
        </div>
      )}
      {status && (
        <div class="studio-batch" data-testid="migration-status" data-state={status.state}>
          <progress max={Math.max(1, status.totalJobs)} value={done} />
          <p>{t(`studio.migration.state.${status.state}`)} · {t('studio.migration.progress', { done, total: status.totalJobs, failed: status.failedJobs })}</p>
          {status.state !== 'running' && (
            <p data-testid="migration-outcome">{t('studio.migration.outcome', { moved: status.instances - status.stillOnFromVersion, left: status.stillOnFromVersion, from: status.fromVersion, to: status.toVersion })}</p>
          )}
          {status.failures.length > 0 && <ul class="studio-problems">{status.failures.map((f, i) => <li key={i} class="problem error">{f}</li>)}</ul>}
        </div>
      )}
    </section>
  );
}
