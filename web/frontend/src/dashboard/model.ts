// The dashboard's logic without the DOM: the KPI answer's shape (docs/reports.md), the filters and
// the query they make, the tiles, durations in words and the export links. Vitest covers it.

export interface Count { kpi: string; count: number }
export interface Rate { kpi: string; count: number; of: number; percent: number | null }
export interface Durations { count: number; averageSeconds: number | null; medianSeconds: number | null; p90Seconds: number | null }

/** How far the KPI roll-up's build is (GET /api/v1/reports/rollup, and `rollup` on every KPI answer). */
export interface RollupStatus { state: 'ready' | 'building'; zone: string; daysDone: number; daysTotal: number;
  percent: number | null; builtFrom: string | null }

export interface Kpis {
  rollup?: RollupStatus;
  answeredFrom?: 'rollup' | 'tickets';
  period: { from: string; to: string; zone: string; filters: Record<string, string> };
  volume: { in: Count; out: Count };
  backlog: { kpi: string; asOf: string; count: number; averageAgeSeconds: number | null; oldestAgeSeconds: number | null;
    ages: { bucket: string; count: number }[] };
  firstResponseTime: Durations;
  resolutionTime: Durations;
  slaCompliance: { firstResponse: Rate; resolution: Rate };
  escalations: { escalated: Count; toSupervisors: number; toDepartmentHeads: number; percentOfReceived: number | null };
  reopenRate: Rate;
  resolutionRate: Rate;
  csat: { kpi: string; responses: number; average: number | null; distribution: Record<string, number> };
  nps: { kpi: string; responses: number; promoters: number; passives: number; detractors: number; score: number | null;
    distribution: Record<string, number> };
  surveyResponseRate: Rate;
  complaints: { product: string; lot: string; complaints: number }[];
  adverseEvents: { clockStatus: string; cases: number }[];
}

export interface ReportTicket {
  number: string; subject: string | null; status: string; category: string | null; queue: string | null;
  assignee: string | null; tier: string | null; product: string | null; lot: string | null; receivedAt: string;
  firstRespondedAt: string | null; resolvedAt: string | null;
}

export const FILTER_KEYS = ['from', 'to', 'team', 'queue', 'category', 'product', 'tier'] as const;
export type FilterKey = typeof FILTER_KEYS[number];
export type ReportFilters = Partial<Record<FilterKey, string>> & { from: string; to: string };

/** The tables GET /api/v1/reports/kpis.csv?table= knows (KpiTable.NAMES). */
export const TABLES = ['summary', 'backlog-age', 'csat-distribution', 'nps-distribution', 'complaints', 'adverse-events'] as const;
export type TableName = typeof TABLES[number];

function iso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export type Preset = 'this-month' | 'last-month' | 'this-quarter' | 'last-quarter' | 'last-7-days';
export const PRESETS: Preset[] = ['this-month', 'last-month', 'this-quarter', 'last-quarter', 'last-7-days'];

/** The days (both included) of a preset period around `today` (local calendar). */
export function presetPeriod(p: Preset, today: Date): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (p) {
    case 'this-month': return { from: iso(new Date(y, m, 1)), to: iso(today) };
    case 'last-month': return { from: iso(new Date(y, m - 1, 1)), to: iso(new Date(y, m, 0)) };
    case 'this-quarter': return { from: iso(new Date(y, m - (m % 3), 1)), to: iso(today) };
    case 'last-quarter': {
      const q = m - (m % 3);
      return { from: iso(new Date(y, q - 3, 1)), to: iso(new Date(y, q, 0)) };
    }
    default: return { from: iso(new Date(y, m, today.getDate() - 6)), to: iso(today) };
  }
}

/** Filters from the address bar's query (so a reload or the back button keeps them), else this month. */
export function parseFilters(search: string, today: Date): ReportFilters {
  const q = new URLSearchParams(search);
  const dflt = presetPeriod('this-month', today);
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const f: ReportFilters = {
    from: day.test(q.get('from') ?? '') ? q.get('from')! : dflt.from,
    to: day.test(q.get('to') ?? '') ? q.get('to')! : dflt.to,
  };
  for (const k of FILTER_KEYS) {
    const v = q.get(k)?.trim();
    if (v && k !== 'from' && k !== 'to') f[k] = v;
  }
  return f;
}

/** The query string of the filters that are set, in a fixed order; `extra` (kpi, table, cursor …) after them. */
export function filterQuery(f: ReportFilters, extra: Record<string, string | number | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v) q.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  }
  return q.toString();
}

export function csvHref(f: ReportFilters, table: TableName): string {
  return `/api/v1/reports/kpis.csv?${filterQuery(f, { table })}`;
}

export function xlsxHref(f: ReportFilters, table?: TableName): string {
  return `/api/v1/reports/kpis.xlsx?${filterQuery(f, { table })}`;
}

export function ticketsCsvHref(f: ReportFilters): string {
  return `/api/v1/reports/tickets.csv?${filterQuery(f)}`;
}

export function drillPath(f: ReportFilters, kpi: string, cursor: string | null, limit = 50): string {
  return `/api/v1/reports/tickets?${filterQuery(f, { kpi, cursor, limit })}`;
}

/** Seconds as the largest two units: 45s, 12m 30s, 3h 5m, 2d 4h; a dash for none. */
export function duration(seconds: number | null | undefined, units: { d: string; h: string; m: string; s: string }): string {
  if (seconds === null || seconds === undefined) return '—';
  const parts: [number, string][] = [
    [Math.floor(seconds / 86400), units.d], [Math.floor((seconds % 86400) / 3600), units.h],
    [Math.floor((seconds % 3600) / 60), units.m], [seconds % 60, units.s],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first < 0) return `0${units.s}`;
  return parts.slice(first, first + 2).filter(([n]) => n > 0).map(([n, u]) => `${n}${u}`).join(' ');
}

export function percent(p: number | null | undefined): string {
  return p === null || p === undefined ? '—' : `${String(p)}%`;
}

/** One KPI tile: a label key, the raw value (for data-value), how it reads, and the kpi to drill into. */
export interface Tile { id: string; value: number | null; text: string; sub?: string; kpi?: string }

export function tiles(k: Kpis, fmt: (s: number | null) => string): Tile[] {
  const rate = (id: string, r: Rate): Tile => ({ id, value: r.percent, text: percent(r.percent), sub: `${r.count} / ${r.of}`, kpi: r.kpi });
  return [
    { id: 'volumeIn', value: k.volume.in.count, text: String(k.volume.in.count), kpi: k.volume.in.kpi },
    { id: 'volumeOut', value: k.volume.out.count, text: String(k.volume.out.count), kpi: k.volume.out.kpi },
    { id: 'backlog', value: k.backlog.count, text: String(k.backlog.count), sub: fmt(k.backlog.averageAgeSeconds), kpi: k.backlog.kpi },
    { id: 'firstResponseMedian', value: k.firstResponseTime.medianSeconds, text: fmt(k.firstResponseTime.medianSeconds),
      sub: `${k.firstResponseTime.count}` },
    { id: 'resolutionMedian', value: k.resolutionTime.medianSeconds, text: fmt(k.resolutionTime.medianSeconds),
      sub: `${k.resolutionTime.count}` },
    rate('slaFirstResponse', k.slaCompliance.firstResponse),
    rate('slaResolution', k.slaCompliance.resolution),
    { id: 'escalated', value: k.escalations.escalated.count, text: String(k.escalations.escalated.count),
      sub: percent(k.escalations.percentOfReceived), kpi: k.escalations.escalated.kpi },
    rate('reopenRate', k.reopenRate),
    rate('resolutionRate', k.resolutionRate),
    { id: 'csat', value: k.csat.average, text: k.csat.average === null ? '—' : k.csat.average.toFixed(2),
      sub: String(k.csat.responses), kpi: k.csat.kpi },
    { id: 'nps', value: k.nps.score, text: k.nps.score === null ? '—' : String(k.nps.score), sub: String(k.nps.responses), kpi: k.nps.kpi },
    rate('surveyResponseRate', k.surveyResponseRate),
  ];
}

/** True when the period holds nothing at all to show. */
export function isEmpty(k: Kpis): boolean {
  return k.volume.in.count === 0 && k.volume.out.count === 0 && k.backlog.count === 0 && k.csat.responses === 0
    && k.nps.responses === 0 && k.surveyResponseRate.of === 0;
}

/** A score distribution ({"1": 0, …}) as ordered [score, count] pairs. */
export function distribution(d: Record<string, number>): [string, number][] {
  return Object.entries(d).sort(([a], [b]) => Number(a) - Number(b));
}

/** The banner's whole percent while the roll-up is being built, else null (no banner). */
export function rollupProgress(r: RollupStatus | undefined | null): number | null {
  if (!r || r.state !== 'building') return null;
  return Math.floor(r.percent ?? 0);
}
