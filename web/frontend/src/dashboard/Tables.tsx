import type { ComponentChildren } from 'preact';
import { dt } from './messages';
import { csvHref, xlsxHref, type ReportFilters, type TableName } from './model';

interface Props {
  name: TableName;
  title: string;
  filters: ReportFilters;
  columns: string[];
  rows: (string | number | null)[][];
  /** a chart beside the table */
  children?: ComponentChildren;
  /** the kpi a row's count opens, if any */
  drill?: (row: number) => string | null;
  onDrill?: (kpi: string) => void;
}

/** A panel: title, CSV and XLSX export of this table, the chart, the table itself. */
export function ReportTable({ name, title, filters, columns, rows, children, drill, onDrill }: Props) {
  return (
    <section class="panel report-table" data-table={name}>
      <div class="row">
        <h3>{title}</h3>
        <span class="spacer" />
        <a class="export" href={csvHref(filters, name)} download data-export="csv">{dt('export.csv')}</a>
        <a class="export" href={xlsxHref(filters, name)} download data-export="xlsx">{dt('export.xlsx')}</a>
      </div>
      {children}
      {rows.length === 0 ? <p class="muted">{dt('table.empty')}</p> : (
        <table class="tickets compact">
          <thead><tr>{columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
          <tbody>
            {rows.map((r, i) => {
              const kpi = drill?.(i) ?? null;
              return (
                <tr key={i}>
                  {r.map((c, j) => (
                    <td key={j} class={typeof c === 'number' ? 'num' : ''}>
                      {kpi && j === r.length - 1 && onDrill
                        ? <button type="button" class="link" data-drill={kpi} onClick={() => onDrill(kpi)}>{c ?? '—'}</button>
                        : (c ?? '—')}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
