import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../src/i18n';
import { DASHBOARD_CATALOGUES, dt } from '../src/dashboard/messages';
import {
  csvHref, distribution, drillPath, duration, filterQuery, isEmpty, parseFilters, percent, presetPeriod, rollupProgress, tiles, xlsxHref,
  type Kpis,
} from '../src/dashboard/model';
import { adverseEventsOption, slaOption, volumeOption } from '../src/dashboard/options';
import { mayReadReports } from '../src/dashboard/LazyDashboard';
import { parseRoute, routePath } from '../src/router';

const EN = { d: 'd', h: 'h', m: 'm', s: 's' };

/** The April answer of docs/reports.md (ReportDataset), abridged to what the dashboard reads. */
function april(): Kpis {
  return {
    period: { from: '2026-04-01', to: '2026-04-30', zone: 'Asia/Shanghai', filters: {} },
    volume: { in: { kpi: 'received', count: 8 }, out: { kpi: 'out', count: 6 } },
    backlog: { kpi: 'backlog', asOf: '2026-04-30T16:00:00Z', count: 4, averageAgeSeconds: 1218600, oldestAgeSeconds: 3160800,
      ages: [{ bucket: 'under-1-day', count: 0 }, { bucket: '1-3-days', count: 1 }, { bucket: '3-7-days', count: 1 }, { bucket: 'over-7-days', count: 2 }] },
    firstResponseTime: { count: 6, averageSeconds: 4950, medianSeconds: 2700, p90Seconds: 14400 },
    resolutionTime: { count: 5, averageSeconds: 114120, medianSeconds: 37800, p90Seconds: 457200 },
    slaCompliance: { firstResponse: { kpi: 'first-response-met', count: 4, of: 7, percent: 57.14 },
      resolution: { kpi: 'resolution-met', count: 4, of: 6, percent: 66.67 } },
    escalations: { escalated: { kpi: 'escalated', count: 2 }, toSupervisors: 1, toDepartmentHeads: 1, percentOfReceived: 25 },
    reopenRate: { kpi: 'reopened', count: 1, of: 5, percent: 20 },
    resolutionRate: { kpi: 'resolved', count: 5, of: 8, percent: 62.5 },
    csat: { kpi: 'surveyed', responses: 5, average: 3.8, distribution: { 5: 2, 1: 0, 2: 1, 3: 1, 4: 1 } },
    nps: { kpi: 'surveyed', responses: 5, promoters: 2, passives: 2, detractors: 1, score: 20, distribution: { 10: 1, 9: 1 } },
    surveyResponseRate: { kpi: 'surveyed', count: 5, of: 6, percent: 83.33 },
    complaints: [{ product: 'Amoxil 500', lot: 'L2401', complaints: 1 }],
    adverseEvents: [{ clockStatus: 'awaiting-review', cases: 1 }, { clockStatus: 'submitted-late', cases: 1 }],
  };
}

describe('dashboard', () => {
  afterEach(() => setLang('en'));

  it('has every English message in Chinese, none empty', () => {
    const en = Object.keys(DASHBOARD_CATALOGUES.en).sort();
    expect(Object.keys(DASHBOARD_CATALOGUES['zh-CN']).sort()).toEqual(en);
    for (const v of Object.values(DASHBOARD_CATALOGUES['zh-CN'])) expect(v.trim()).not.toBe('');
    setLang('zh-CN');
    expect(dt('tile.backlog')).toBe('积压');
    expect(dt('clock.something-new')).toBe('something-new');
  });

  it('reads filters from the address bar and writes only the set ones, in order', () => {
    const today = new Date(2026, 4, 10);
    expect(parseFilters('', today)).toEqual({ from: '2026-05-01', to: '2026-05-10' });
    const f = parseFilters('?to=2026-04-30&from=2026-04-01&queue=service&tier=A&team=&from2=x&product=%20Amoxil%20', today);
    expect(f).toEqual({ from: '2026-04-01', to: '2026-04-30', queue: 'service', tier: 'A', product: 'Amoxil' });
    expect(filterQuery(f)).toBe('from=2026-04-01&to=2026-04-30&queue=service&product=Amoxil&tier=A');
    expect(parseFilters('?from=April', today).from).toBe('2026-05-01');
  });

  it('builds the drill-down and export links of the current filters', () => {
    const f = { from: '2026-04-01', to: '2026-04-30', category: 'product-quality' };
    expect(drillPath(f, 'complaints', null)).toBe('/api/v1/reports/tickets?from=2026-04-01&to=2026-04-30&category=product-quality&kpi=complaints&limit=50');
    expect(drillPath(f, 'received', 'abc')).toContain('&kpi=received&cursor=abc&limit=50');
    expect(csvHref(f, 'complaints')).toBe('/api/v1/reports/kpis.csv?from=2026-04-01&to=2026-04-30&category=product-quality&table=complaints');
    expect(xlsxHref(f)).toBe('/api/v1/reports/kpis.xlsx?from=2026-04-01&to=2026-04-30&category=product-quality');
    expect(xlsxHref(f, 'summary')).toContain('&table=summary');
  });

  it('computes preset periods, quarters across a year boundary included', () => {
    expect(presetPeriod('last-quarter', new Date(2026, 1, 15))).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetPeriod('this-quarter', new Date(2026, 4, 10))).toEqual({ from: '2026-04-01', to: '2026-05-10' });
    expect(presetPeriod('last-month', new Date(2026, 2, 31))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('last-7-days', new Date(2026, 2, 3))).toEqual({ from: '2026-02-25', to: '2026-03-03' });
  });

  it('says durations in the two largest units and percentages as the server rounded them', () => {
    expect(duration(2700, EN)).toBe('45m');
    expect(duration(4950, EN)).toBe('1h 22m');
    expect(duration(457200, EN)).toBe('5d 7h');
    expect(duration(59, EN)).toBe('59s');
    expect(duration(0, EN)).toBe('0s');
    expect(duration(null, EN)).toBe('—');
    expect(percent(57.14)).toBe('57.14%');
    expect(percent(20)).toBe('20%');
    expect(percent(null)).toBe('—');
  });

  it('makes a tile per KPI with the raw value and the kpi that lists its tickets', () => {
    const byId = Object.fromEntries(tiles(april(), (s) => duration(s, EN)).map((x) => [x.id, x]));
    expect(byId.volumeIn).toMatchObject({ value: 8, text: '8', kpi: 'received' });
    expect(byId.slaFirstResponse).toMatchObject({ value: 57.14, text: '57.14%', sub: '4 / 7', kpi: 'first-response-met' });
    expect(byId.firstResponseMedian).toMatchObject({ value: 2700, text: '45m' });
    expect(byId.firstResponseMedian.kpi).toBeUndefined();
    expect(byId.csat).toMatchObject({ value: 3.8, text: '3.80' });
    expect(byId.backlog).toMatchObject({ value: 4, sub: '14d 2h', kpi: 'backlog' });
    expect(isEmpty(april())).toBe(false);
  });

  it('orders score distributions numerically and knows an empty period', () => {
    expect(distribution({ 10: 1, 9: 2, 0: 3 })).toEqual([['0', 3], ['9', 2], ['10', 1]]);
    const k = april();
    k.volume.in.count = 0; k.volume.out.count = 0; k.backlog.count = 0; k.csat.responses = 0; k.nps.responses = 0;
    k.surveyResponseRate.of = 0;
    expect(isEmpty(k)).toBe(true);
  });

  it('puts the kpi to drill into on every bar and slice that stands for tickets', () => {
    const k = april();
    const data = (o: Record<string, unknown>, i = 0) => (o.series as { data: { value: number; kpi?: string }[] }[])[i].data;
    expect(data(volumeOption(k))).toEqual([{ value: 8, kpi: 'received' }, { value: 6, kpi: 'out' }, { value: 4, kpi: 'backlog' }]);
    expect(data(slaOption(k), 1)).toEqual([{ value: 3, kpi: 'first-response-missed' }, { value: 2, kpi: 'resolution-missed' }]);
    expect(data(adverseEventsOption(k)).map((d) => d.kpi)).toEqual(['adverse-events', 'adverse-events']);
  });

  it('has a /reports route, shown to supervisors and admins only', () => {
    expect(parseRoute('/reports')).toEqual({ screen: 'reports' });
    expect(routePath({ screen: 'reports' })).toBe('/reports');
    const u = (roles: string[]) => ({ username: 'x', displayName: 'x', roles, teams: [], queues: [] });
    expect(mayReadReports(u(['supervisor']))).toBe(true);
    expect(mayReadReports(u(['agent', 'specialist']))).toBe(false);
  });

  it('shows the roll-up banner with a whole percent while it is being built, in both languages', () => {
    const building = { state: 'building' as const, zone: 'Asia/Shanghai', daysDone: 157, daysTotal: 365, percent: 43.0,
      builtFrom: '2026-07-28' };
    expect(rollupProgress(building)).toBe(43);
    expect(rollupProgress({ ...building, percent: 99.9 })).toBe(99);
    expect(rollupProgress({ ...building, state: 'ready', percent: 100 })).toBeNull();
    expect(rollupProgress(undefined)).toBeNull();
    setLang('en');
    expect(dt('rollup.building', { percent: 43 })).toBe('KPI figures are being prepared: 43 %');
    setLang('zh-CN');
    expect(dt('rollup.building', { percent: 43 })).toBe('KPI 数据正在准备中：43 %');
  });
});
