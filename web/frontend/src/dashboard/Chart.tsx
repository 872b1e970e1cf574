// One ECharts chart (tree-shaken: bar and pie, canvas). A click on a bar or slice that names a
// `kpi` asks for the tickets behind it. Rendered with the canvas, so the CSP needs no inline style.
import { useEffect, useRef } from 'preact/hooks';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from './options';

use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  option: ChartOption;
  testid: string;
  onDrill?: (kpi: string) => void;
}

export function Chart({ option, testid, onDrill }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const drill = useRef(onDrill);
  drill.current = onDrill;

  useEffect(() => {
    const c = init(el.current!, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      const kpi = (p.data as { kpi?: string } | undefined)?.kpi;
      if (kpi) drill.current?.(kpi);
    });
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => c.resize());
    ro?.observe(el.current!);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option as never, true);
  }, [option]);

  return <div class="chart" ref={el} data-testid={testid} />;
}
