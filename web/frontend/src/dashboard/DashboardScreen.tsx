// The supervisors' KPI dashboard (docs/reports.md): filters, tiles, charts and tables with their
// exports, and the tickets behind any number. Loaded as its own chunk, with ECharts, only when opened.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiClient, ApiError } from '../api';
import type { User } from '../model';
import type { Route } from '../router';
import { Chart } from './Chart';
import { DrillDown } from './DrillDown';
import { dt, units } from './messages';
import { distribution, duration, filterQuery, isEmpty, parseFilters, rollupProgress, tiles, xlsxHref, type Kpis,
  type ReportFilters, type RollupStatus } from './model';
import { adverseEventsOption, backlogAgeOption, complaintsOption, durationsOption, scoresOption, slaOption, volumeOption } from './options';
import { ReportFilterBar } from './ReportFilters';
import { ReportTable } from './Tables';
import './dashboard.css';


interface Props {
  api: ApiClient;
  user: User;
  go: (r: Route) => void;
}

export default function DashboardScreen({ api, user, go }: Props) {
  const [filters, setFilters] = useState<ReportFilters>(() => parseFilters(location.search, new Date()));
  const [kpis, setKpis] = useState<Kpis | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<string | null>(null);
  const [rollup, setRollup] = useState<RollupStatus | null>(null);
  const fmt = (s: number | null) => duration(s, units());

  const load = async () => {
    setState('loading');
    try {
      const answer = await api.get<Kpis>(`/api/v1/reports/kpis?${filterQuery(filters)}`);
      setKpis(answer);
      setRollup(answer.rollup ?? null);
      setState('ready');
    } catch (e) {
      setState('error');
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  useEffect(() => {
    history.replaceState(null, '', `/reports?${filterQuery(filters)}`);
    setDrill(null);
    load();
  }, [JSON.stringify(filters)]);

  // while the roll-up is being built: follow its progress, and read the figures again once it is done
  const building = rollupProgress(rollup) !== null;
  useEffect(() => {
    if (!building) return undefined;
    const timer = setInterval(async () => {
      try {
        const next = await api.get<RollupStatus>('/api/v1/reports/rollup');
        setRollup(next);
        if (next.state === 'ready') load();
      } catch { /* the next tick tries again */ }
    }, 5000);
    return () => clearInterval(timer);
  }, [building]);

  const k = kpis;
  const charts = useMemo(() => (k ? {
    volume: volumeOption(k), ages: backlogAgeOption(k), durations: durationsOption(k, fmt), sla: slaOption(k),
    csat: scoresOption(k.csat.distribution, '#1f6feb'), nps: scoresOption(k.nps.distribution, '#0a7ea4'),
    complaints: complaintsOption(k), ae: adverseEventsOption(k),
  } : null), [k]);

  return (
    <div class="dashboard" data-testid="dashboard">
      <div class="row wrap">
        <h2>{dt('title')}</h2>
        <span class="spacer" />
        <a href="/reports/schedules" data-testid="nav-schedules"
           onClick={(e) => { e.preventDefault(); go({ screen: 'schedules' }); }}>{dt('schedules.link')}</a>
        <a class="export" href={xlsxHref(filters)} download data-testid="export-all">{dt('export.all')}</a>
      </div>
      <ReportFilterBar user={user} value={filters} onChange={setFilters} />
      {building && (
        <p class="rollup-banner" role="status" data-testid="rollup-banner" data-percent={rollupProgress(rollup)}>
          {dt('rollup.building', { percent: rollupProgress(rollup)! })} <span class="muted">{dt('rollup.exact')}</span>
        </p>
      )}
      {state === 'loading' && <p class="muted" role="status" data-testid="report-loading">{dt('loading')}</p>}
      {state === 'error' && (
        <p class="error" role="alert" data-testid="report-error">
          {dt('error', { detail: error ?? '' })} <button type="button" onClick={load}>{dt('retry')}</button>
        </p>
      )}
      {state === 'ready' && k && isEmpty(k) && <p class="empty" data-testid="report-empty">{dt('empty')}</p>}
      {drill && <DrillDown api={api} filters={filters} kpi={drill} go={go} onClose={() => setDrill(null)} />}
      {k && charts && state !== 'error' && (
        <>
          <p class="muted">{dt('zone', { zone: k.period.zone })}</p>
          <div class="tiles" data-testid="tiles">
            {tiles(k, fmt).map((tile) => (
              <div class="tile" key={tile.id} data-tile={tile.id} data-value={tile.value ?? ''}>
                <span class="tile-label">{dt(`tile.${tile.id}`)}</span>
                {tile.kpi
                  ? <button type="button" class="tile-value link" title={dt('tile.drill')} data-drill={tile.kpi}
                            onClick={() => setDrill(tile.kpi!)}>{tile.text}</button>
                  : <span class="tile-value">{tile.text}</span>}
                {tile.sub && <span class="tile-sub muted">{tile.sub}</span>}
              </div>
            ))}
          </div>
          <div class="charts">
            <ReportTable name="summary" title={dt('chart.volume')} filters={filters} columns={[dt('col.kpi'), dt('col.value')]}
                         rows={tiles(k, fmt).map((x) => [dt(`tile.${x.id}`), x.text])}>
              <Chart option={charts.volume} testid="chart-volume" onDrill={setDrill} />
            </ReportTable>
            <ReportTable name="backlog-age" title={dt('chart.backlogAge')} filters={filters}
                         columns={[dt('col.bucket'), dt('col.tickets')]}
                         rows={k.backlog.ages.map((a) => [dt(`age.${a.bucket}`), a.count])}>
              <Chart option={charts.ages} testid="chart-backlog-age" onDrill={setDrill} />
            </ReportTable>
            <section class="panel">
              <h3>{dt('chart.durations')}</h3>
              <Chart option={charts.durations} testid="chart-durations" />
            </section>
            <section class="panel">
              <h3>{dt('chart.sla')}</h3>
              <Chart option={charts.sla} testid="chart-sla" onDrill={setDrill} />
            </section>
            <ReportTable name="csat-distribution" title={dt('chart.csat')} filters={filters}
                         columns={[dt('col.score'), dt('col.responses')]} rows={distribution(k.csat.distribution)}>
              <Chart option={charts.csat} testid="chart-csat" />
            </ReportTable>
            <ReportTable name="nps-distribution" title={dt('chart.nps')} filters={filters}
                         columns={[dt('col.score'), dt('col.responses')]} rows={distribution(k.nps.distribution)}>
              <Chart option={charts.nps} testid="chart-nps" />
            </ReportTable>
            <ReportTable name="complaints" title={dt('chart.complaints')} filters={filters}
                         columns={[dt('col.product'), dt('col.lot'), dt('col.complaints')]}
                         rows={k.complaints.map((c) => [c.product, c.lot, c.complaints])}
                         drill={() => 'complaints'} onDrill={setDrill}>
              {k.complaints.length > 0 && <Chart option={charts.complaints} testid="chart-complaints" onDrill={setDrill} />}
            </ReportTable>
            <ReportTable name="adverse-events" title={dt('chart.adverseEvents')} filters={filters}
                         columns={[dt('col.clockStatus'), dt('col.cases')]}
                         rows={k.adverseEvents.map((a) => [dt(`clock.${a.clockStatus}`), a.cases])}
                         drill={() => 'adverse-events'} onDrill={setDrill}>
              {k.adverseEvents.length > 0 && <Chart option={charts.ae} testid="chart-adverse-events" onDrill={setDrill} />}
            </ReportTable>
          </div>
        </>
      )}
    </div>
  );
}
