import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatDate, t } from '../i18n';
import { elementName, focusElement, showHeat } from './canvas';
import { reason } from './deploy';
import { DiagramView } from './DiagramView';
import { VersionSelect } from './History';
import { heatMap, type Heat } from './overlays';
import type { StudioApi } from './studioApi';
import type { Incident, Monitor as MonitorData, ProcessVersion } from './types';

const slaText = (h: Heat) => t('studio.monitor.slaCounts', { onTrack: h.onTrack, atRisk: h.atRisk, breached: h.breached });

/** A process version with the active tickets on each element (heat map), their SLA state, and the incidents. */
export function Monitor({ studio, docKey, canEdit }: { studio: StudioApi; docKey: string; canEdit: boolean }) {
  const [versions, setVersions] = useState<ProcessVersion[] | null>(null);
  const [version, setVersion] = useState(0);
  const [data, setData] = useState<MonitorData | null>(null);
  const [incidents, setIncidents] = useState<Incident[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [viewer, setViewer] = useState<NavigatedViewer | null>(null);
  const [tick, setTick] = useState(0);
  const [retryMsg, setRetryMsg] = useState<Record<string, string>>({});

  useEffect(() => {
    studio.versions(docKey).then((v) => { setVersions(v); setVersion(v[0]?.version ?? 0); }, (e: unknown) => setError(reason(e)));
  }, [docKey]);

  useEffect(() => {
    if (!version) return;
    setError(null);
    studio.monitor(docKey, version).then(setData, (e: unknown) => setError(reason(e)));
    studio.incidents().then((all) => setIncidents(all.filter((i) => i.processKey === docKey)),
      (e: unknown) => setError(reason(e)));
  }, [docKey, version, tick]);

  const xml = useMemo(() => () => studio.xml(docKey, version), [docKey, version]);
  const heat = useMemo(() => heatMap(data?.activities ?? []), [data]);
  useEffect(() => {
    if (viewer && data && data.version === version) showHeat(viewer, heat, { active: t('studio.monitor.active'), sla: slaText });
  }, [viewer, heat]);

  const retry = async (i: Incident) => {
    try {
      await studio.retry(i.id);
      setRetryMsg((m) => ({ ...m, [i.id]: t('studio.monitor.retried') }));
      setTick((x) => x + 1);
    } catch (e) {
      setRetryMsg((m) => ({ ...m, [i.id]: reason(e) }));
    }
  };

  if (!versions) return error ? <p class="error" role="alert">{error}</p> : <p class="loading" role="status">{t('common.loading')}</p>;
  if (versions[0]?.type !== 'process') return <p class="empty">{t('studio.monitor.decision')}</p>;
  const busy = heat.filter((h) => h.active > 0 || h.incidents > 0);
  return (
    <section class="studio-monitor" data-testid="monitor">
      <div class="studio-compare">
        <label>{t('studio.col.version')} <VersionSelect versions={versions} value={version} onChange={(v) => { setViewer(null); setVersion(v); }} name="version" /></label>
        <button type="button" class="secondary" onClick={() => setTick((x) => x + 1)}>{t('studio.monitor.refresh')}</button>
        <span class="legend">
          <span class="sla-on-track">{t('studio.sla.on-track')}</span>
          <span class="sla-at-risk">{t('studio.sla.at-risk')}</span>
          <span class="sla-breached">{t('studio.sla.breached')}</span>
        </span>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <DiagramView xml={xml} testId="monitor-diagram" ready={setViewer} />
      {data && busy.length === 0 && <p class="empty" data-testid="monitor-empty">{t('studio.monitor.none', { version })}</p>}
      {busy.length > 0 && (
        <table class="studio-table" data-testid="monitor-table">
          <thead><tr>
            <th>{t('studio.monitor.element')}</th><th>{t('studio.monitor.active')}</th><th>{t('studio.sla.on-track')}</th>
            <th>{t('studio.sla.at-risk')}</th><th>{t('studio.sla.breached')}</th><th>{t('studio.monitor.incidents')}</th>
          </tr></thead>
          <tbody>{busy.map((h) => (
            <tr key={h.activityId} data-activity={h.activityId} class={h.sla ? `sla-${h.sla}` : ''}
                onClick={() => viewer && focusElement(viewer, h.activityId)}>
              <td>{viewer ? elementName(viewer, h.activityId) : h.activityId}</td>
              <td data-col="active">{h.active}</td><td>{h.onTrack}</td><td>{h.atRisk}</td><td>{h.breached}</td><td>{h.incidents}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
      <h3>{t('studio.monitor.incidentsTitle')}</h3>
      {incidents === null ? <p class="loading" role="status">{t('common.loading')}</p>
        : incidents.length === 0 ? <p class="empty" data-testid="incidents-empty">{t('studio.monitor.noIncidents')}</p>
          : (
            <table class="studio-table" data-testid="incidents">
              <thead><tr>
                <th>{t('studio.monitor.when')}</th><th>{t('studio.migration.ticket')}</th><th>{t('studio.monitor.element')}</th>
                <th>{t('studio.monitor.error')}</th><th />
              </tr></thead>
              <tbody>{incidents.map((i) => (
                <tr key={i.id} data-incident={i.id}>
                  <td>{formatDate(i.createdAt)}</td><td>{i.ticketNumber ?? '—'}</td>
                  <td>{i.activityId ?? '—'} {i.processVersion ? `(v${i.processVersion})` : ''}</td>
                  <td class="msg">{i.message ?? i.type}</td>
                  <td>
                    {canEdit && i.retryable && <button type="button" data-action="retry" onClick={() => retry(i)}>{t('studio.monitor.retry')}</button>}
                    {retryMsg[i.id] && <span class="hint" role="status">{retryMsg[i.id]}</span>}
                  </td>
                </tr>
              ))}</tbody>
            </table>
          )}
    </section>
  );
}
