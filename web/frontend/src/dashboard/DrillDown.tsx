import { useEffect, useState } from 'preact/hooks';
import { ApiClient, ApiError } from '../api';
import { code, formatDate } from '../i18n';
import type { Page } from '../model';
import type { Route } from '../router';
import { dt } from './messages';
import { drillPath, ticketsCsvHref, type ReportFilters, type ReportTicket } from './model';

interface Props {
  api: ApiClient;
  filters: ReportFilters;
  kpi: string;
  go: (r: Route) => void;
  onClose: () => void;
}

/** The tickets behind one number (GET /api/v1/reports/tickets?kpi=…), 50 at a time; a row opens its ticket. */
export function DrillDown({ api, filters, kpi, go, onClose }: Props) {
  const [items, setItems] = useState<ReportTicket[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);

  const load = async (after: string | null) => {
    try {
      const page = await api.get<Page<ReportTicket>>(drillPath(filters, kpi, after));
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setState('ready');
    } catch (e) {
      setState('error');
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  useEffect(() => {
    setState('loading');
    setItems([]);
    load(null);
  }, [kpi, JSON.stringify(filters)]);

  return (
    <section class="panel drill" data-testid="drill" data-kpi={kpi}>
      <div class="row">
        <h3>{dt('drill.title', { kpi: dt(`kpi.${kpi}`) })}</h3>
        <span class="spacer" />
        <a class="export" href={ticketsCsvHref(filters)} download>{dt('export.tickets')}</a>
        <button type="button" data-testid="drill-close" onClick={onClose}>{dt('drill.close')}</button>
      </div>
      {state === 'loading' && <p class="muted" role="status">{dt('loading')}</p>}
      {state === 'error' && <p class="error" role="alert">{dt('error', { detail: error ?? '' })}</p>}
      {state === 'ready' && items.length === 0 && <p class="empty">{dt('drill.empty')}</p>}
      {items.length > 0 && (
        <table class="tickets" data-testid="drill-tickets">
          <thead>
            <tr>
              <th>{dt('drill.number')}</th><th>{dt('drill.subject')}</th><th>{dt('drill.status')}</th>
              <th>{dt('filter.category')}</th><th>{dt('drill.queue')}</th><th>{dt('drill.assignee')}</th>
              <th>{dt('filter.tier')}</th><th>{dt('filter.product')}</th><th>{dt('drill.received')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={x.number} data-number={x.number} onClick={() => go({ screen: 'ticket', number: x.number })}>
                <td class="mono">{x.number}</td>
                <td>{x.subject ?? '—'}</td>
                <td>{code('status', x.status)}</td>
                <td>{code('category', x.category)}</td>
                <td>{x.queue ?? '—'}</td>
                <td>{x.assignee ?? '—'}</td>
                <td>{x.tier ?? '—'}</td>
                <td>{x.product ?? '—'}{x.lot ? ` · ${x.lot}` : ''}</td>
                <td>{formatDate(x.receivedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && <button type="button" class="link" onClick={() => load(cursor)}>{dt('drill.more')}</button>}
    </section>
  );
}
