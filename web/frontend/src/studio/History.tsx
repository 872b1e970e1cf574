import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatDate, t } from '../i18n';
import { mark } from './canvas';
import { reason } from './deploy';
import { DiagramView } from './DiagramView';
import { diffMarks } from './overlays';
import type { StudioApi } from './studioApi';
import type { Diff, ProcessVersion } from './types';

/** Version history of one key, a visual diff of two versions, and rollback (a redeploy of an old version). */
export function History({ studio, docKey, onChanged }: { studio: StudioApi; docKey: string; onChanged: () => void }) {
  const [versions, setVersions] = useState<ProcessVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [diffError, setDiffError] = useState<string | null>(null);
  const [rollback, setRollback] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [rbError, setRbError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = () => studio.versions(docKey).then((v) => {
    setVersions(v);
    setTo(v[0]?.version ?? 0);
    setFrom(v[1]?.version ?? v[0]?.version ?? 0);
  }, (e: unknown) => setError(reason(e)));
  useEffect(() => { void reload(); }, [docKey]);

  const compare = async () => {
    setDiff(null);
    setDiffError(null);
    try {
      setDiff(await studio.diff(docKey, from, to));
    } catch (e) {
      setDiffError(reason(e));
    }
  };

  const doRollback = async (e: Event) => {
    e.preventDefault();
    if (rollback === null) return;
    if (!comment.trim()) { setRbError(t('studio.deploy.commentRequired')); return; }
    try {
      const v = await studio.rollback(docKey, rollback, comment.trim());
      setNotice(t('studio.history.rolledBack', { version: rollback, now: v.map((x) => x.version).join(', ') }));
      setRollback(null);
      setComment('');
      await reload();
      onChanged();
    } catch (err) {
      setRbError(reason(err));
    }
  };

  if (error) return <p class="error" role="alert" data-testid="history-error">{error}</p>;
  if (!versions) return <p class="loading" role="status">{t('common.loading')}</p>;
  const isProcess = versions[0]?.type === 'process';
  return (
    <section class="studio-history" data-testid="history">
      {notice && <p class="notice" role="status" data-testid="history-notice">{notice}</p>}
      <table class="studio-table">
        <thead><tr>
          <th>{t('studio.col.version')}</th><th>{t('studio.col.deployedAt')}</th><th>{t('studio.col.deployedBy')}</th>
          <th>{t('studio.col.comment')}</th><th>{t('studio.col.running')}</th><th />
        </tr></thead>
        <tbody>
          {versions.map((v, i) => (
            <tr key={v.version} data-version={v.version}>
              <td>v{v.version}{v.rollbackOf ? ` ${t('studio.history.rollbackOf', { version: v.rollbackOf })}` : ''}</td>
              <td>{formatDate(v.deployedAt)}</td>
              <td>{v.deployedBy ?? '—'}</td>
              <td>{v.comment ?? '—'}</td>
              <td>{v.runningInstances ?? '—'}</td>
              <td>{i > 0 && (
                <button type="button" class="link" data-action="rollback"
                        onClick={() => { setRollback(v.version); setRbError(null); }}>
                  {t('studio.history.rollback')}
                </button>
              )}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rollback !== null && (
        <form class="studio-dialog" data-testid="rollback-dialog" onSubmit={doRollback}>
          <h3>{t('studio.history.rollbackTitle', { version: rollback })}</h3>
          <label>{t('studio.deploy.comment')}
            <textarea name="comment" rows={2} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
          </label>
          {rbError && <p class="error" role="alert">{rbError}</p>}
          <div class="buttons">
            <button type="submit">{t('studio.history.rollbackConfirm')}</button>
            <button type="button" class="secondary" onClick={() => setRollback(null)}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
      {versions.length > 1 && (
        <div class="studio-compare">
          <label>{t('studio.history.from')} <VersionSelect versions={versions} value={from} onChange={setFrom} name="from" /></label>
          <label>{t('studio.history.to')} <VersionSelect versions={versions} value={to} onChange={setTo} name="to" /></label>
          <button type="button" data-testid="compare" onClick={compare}>{t('studio.history.compare')}</button>
        </div>
      )}
      {diffError && <p class="error" role="alert">{diffError}</p>}
      {diff && <DiffView studio={studio} docKey={docKey} from={from} to={to} diff={diff} diagrams={isProcess} />}
    </section>
  );
}

export function VersionSelect({ versions, value, onChange, name }: {
  versions: ProcessVersion[]; value: number; onChange: (v: number) => void; name: string;
}) {
  return (
    <select name={name} value={String(value)} onChange={(e) => onChange(Number((e.target as HTMLSelectElement).value))}>
      {versions.map((v) => (
        <option key={v.version} value={String(v.version)}>
          v{v.version}{v.runningInstances ? ` (${t('studio.running', { n: v.runningInstances })})` : ''}
        </option>
      ))}
    </select>
  );
}

function DiffView({ studio, docKey, from, to, diff, diagrams }: {
  studio: StudioApi; docKey: string; from: number; to: number; diff: Diff; diagrams: boolean;
}) {
  const marks = useMemo(() => diffMarks(diff), [diff]);
  const fromXml = useMemo(() => () => studio.xml(docKey, from), [docKey, from]);
  const toXml = useMemo(() => () => studio.xml(docKey, to), [docKey, to]);
  const paint = (m: Map<string, string>) => (v: NavigatedViewer) => m.forEach((cls, id) => mark(v, id, cls));
  const list = (kind: 'added' | 'removed' | 'changed') => (
    <div class={`diff-list diff-${kind}`} data-testid={`diff-${kind}`}>
      <h4>{t(`studio.diff.${kind}`, { n: diff[kind].length })}</h4>
      <ul>{diff[kind].map((c) => <li key={c.id} data-element-id={c.id}>{c.name || c.id} <code>{c.type}</code></li>)}</ul>
    </div>
  );
  return (
    <div class="studio-diff" data-testid="diff">
      <div class="diff-lists">{list('added')}{list('removed')}{list('changed')}</div>
      {diagrams && (
        <div class="diff-diagrams">
          <figure><figcaption>v{from}</figcaption><DiagramView xml={fromXml} testId="diff-from" ready={paint(marks.from)} /></figure>
          <figure><figcaption>v{to}</figcaption><DiagramView xml={toXml} testId="diff-to" ready={paint(marks.to)} /></figure>
        </div>
      )}
    </div>
  );
}
