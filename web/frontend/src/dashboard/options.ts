// ECharts options for the dashboard's charts, built from the KPI answer. Every bar or slice that
// stands for tickets carries the `kpi` to drill into (in its data item), so a click opens them.
import { dt } from './messages';
import { distribution, type Kpis } from './model';

export interface Bar { value: number; kpi?: string }
// A plain object type: ECharts' own option types are heavy and live in the lazily loaded chunk.
export type ChartOption = Record<string, unknown>;

const AXIS = { type: 'value', minInterval: 1 };

function bars(names: string[], data: Bar[], color?: string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.some((n) => n.length > 10) ? 20 : 0 } },
    yAxis: AXIS,
    series: [{ type: 'bar', data, itemStyle: color ? { color } : undefined, label: { show: true, position: 'top' } }],
  };
}

export function volumeOption(k: Kpis): ChartOption {
  return bars([dt('series.in'), dt('series.out'), dt('series.backlog')], [
    { value: k.volume.in.count, kpi: k.volume.in.kpi },
    { value: k.volume.out.count, kpi: k.volume.out.kpi },
    { value: k.backlog.count, kpi: k.backlog.kpi },
  ]);
}

export function backlogAgeOption(k: Kpis): ChartOption {
  return bars(k.backlog.ages.map((a) => dt(`age.${a.bucket}`)), k.backlog.ages.map((a) => ({ value: a.count, kpi: k.backlog.kpi })), '#b26b00');
}

/** Hours of business time, average / median / p90, first response beside resolution. */
export function durationsOption(k: Kpis, fmt: (s: number | null) => string): ChartOption {
  const hours = (s: number | null) => (s === null ? null : Math.round((s / 3600) * 100) / 100);
  const d = (x: Kpis['firstResponseTime']) => [x.averageSeconds, x.medianSeconds, x.p90Seconds];
  const seconds = [d(k.firstResponseTime), d(k.resolutionTime)];
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : fmt(Math.round(v * 3600))) },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: [dt('series.average'), dt('series.median'), dt('series.p90')] },
    yAxis: { type: 'value', name: dt('unit.h') },
    series: [
      { type: 'bar', name: dt('series.firstResponse'), data: seconds[0].map(hours) },
      { type: 'bar', name: dt('series.resolution'), data: seconds[1].map(hours) },
    ],
  };
}

export function slaOption(k: Kpis): ChartOption {
  const fr = k.slaCompliance.firstResponse;
  const rs = k.slaCompliance.resolution;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: [dt('series.firstResponse'), dt('series.resolution')] },
    yAxis: AXIS,
    series: [
      { type: 'bar', stack: 'sla', name: dt('series.met'), itemStyle: { color: '#1a7f37' },
        data: [{ value: fr.count, kpi: 'first-response-met' }, { value: rs.count, kpi: 'resolution-met' }] },
      { type: 'bar', stack: 'sla', name: dt('series.missed'), itemStyle: { color: '#c62828' },
        data: [{ value: fr.of - fr.count, kpi: 'first-response-missed' }, { value: rs.of - rs.count, kpi: 'resolution-missed' }] },
    ],
  };
}

export function scoresOption(d: Record<string, number>, color: string): ChartOption {
  const pairs = distribution(d);
  return bars(pairs.map(([s]) => s), pairs.map(([, n]) => ({ value: n })), color);
}

export function complaintsOption(k: Kpis): ChartOption {
  const rows = k.complaints.slice(0, 15);
  return bars(rows.map((c) => (c.lot ? `${c.product} · ${c.lot}` : c.product)),
    rows.map((c) => ({ value: c.complaints, kpi: 'complaints' })), '#8250df');
}

export function adverseEventsOption(k: Kpis): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b}: {c}' },
      data: k.adverseEvents.map((a) => ({ name: dt(`clock.${a.clockStatus}`), value: a.cases, kpi: 'adverse-events' })),
    }],
  };
}
