import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiClient, ApiError, query } from '../api';
import { keyAction, move } from '../keys';
import { onLive } from '../live';
import { code, t } from '../i18n';
import type { Page, QueueCounts, Ticket, TicketView, User } from '../model';
import { viewQuery, type Route } from '../router';
import { requestReplyFocus } from '../ticket/focus';
import { Filters, type FilterValues } from './Filters';
import { filtersFromSearch, filtersSearch } from './filterUrl';
import { matchesQuery, mergeChange, reselect } from './merge';
import { QueueNav } from './QueueNav';
import { SlaBadge } from '../ticket/SlaBadge';

interface Props {
  api: ApiClient;
  user: User;
  view: string;
  go: (r: Route) => void;
}

const PAGE = 50;
export const FIRST_ROWS_MARK = 'careloop:queue-first-rows';

export function QueuesScreen({ api, user, view, go }: Props) {
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [filters, setFilters] = useState<FilterValues>(() => filtersFromSearch(location.search));
  const [items, setItems] = useState<Ticket[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const sentinel = useRef<HTMLDivElement>(null);
  const firstRowsMarked = useRef(false);
  const loadingMore = useRef(false);
  // what the last render showed, for live changes that arrive between renders
  const shown = useRef({ items, selected, cursor });
  shown.current = { items, selected, cursor };

  const listPath = (after: string | null) =>
    `/api/v1/tickets${query({ ...viewQuery(view), ...filters, sort: 'due', limit: PAGE, cursor: after })}`;

  // the counts follow the filters too, so each view's count says how many tickets its filtered list holds
  const loadCounts = () => api.get<QueueCounts>(`/api/v1/queues${query({ ...filters })}`).then(setCounts).catch(() => undefined);

  const reload = async () => {
    try {
      const page = await api.get<Page<Ticket>>(listPath(null));
      setItems(page.items);
      setCursor(page.nextCursor);
      setState('ready');
      setError(null);
    } catch (e) {
      setState('error');
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  const loadMore = async () => {
    if (!cursor || loadingMore.current) return;
    loadingMore.current = true;
    try {
      const page = await api.get<Page<Ticket>>(listPath(cursor));
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      loadingMore.current = false;
    }
  };

  // the filters live in the address bar: kept on the current history entry (a reload or the back
  // button brings them back), and read again when the browser moves through the history
  useEffect(() => {
    const search = filtersSearch(filters);
    if (location.search !== search) history.replaceState(history.state, '', `${location.pathname}${search}`);
  }, [view, JSON.stringify(filters)]);

  useEffect(() => {
    const onPop = () => setFilters(filtersFromSearch(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    setState('loading');
    setSelected(0);
    reload();
    loadCounts();
  }, [view, JSON.stringify(filters)]);

  /** Refetches one changed ticket and merges it into the loaded pages (merge.ts), keeping scroll and selection. */
  const applyChange = async (number: string) => {
    let fresh: Ticket | null = null;
    let tier: string | null = null;
    try {
      const { customer, timeline: _t, ...row } = await api.get<TicketView>(`/api/v1/tickets/${encodeURIComponent(number)}`);
      fresh = row;
      tier = customer?.tier ?? null;
    } catch (e) {
      if (!(e instanceof ApiError && (e.status === 403 || e.status === 404))) return;
    }
    const belongs = fresh ? matchesQuery(fresh, { ...viewQuery(view), ...filters }, user.username, tier) : false;
    const { items: before, selected: at, cursor: next } = shown.current;
    const after = mergeChange(before, number, fresh, belongs, next === null);
    if (after !== before) {
      const sel = reselect(before, after, at);
      shown.current = { items: after, selected: sel, cursor: next };
      setItems(after);
      setSelected(sel);
    }
  };

  useEffect(() => onLive((e) => {
    if (e.kind === 'ticket') {
      loadCounts();
      if (state === 'ready') applyChange(e.number);
      else reload();
    }
  }), [view, JSON.stringify(filters), state]);

  // the first page of rows is on screen: a performance mark (its time counts from the navigation's
  // start), read by the workspace benchmark (bench WorkspaceBrowser) and by any real-user monitoring
  useEffect(() => {
    if (state !== 'ready' || items.length === 0 || firstRowsMarked.current) return;
    firstRowsMarked.current = true;
    if (typeof performance !== 'undefined' && performance.mark) performance.mark(FIRST_ROWS_MARK);
  }, [state, items]);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => entries.some((x) => x.isIntersecting) && loadMore());
    io.observe(el);
    return () => io.disconnect();
  }, [cursor, items.length]);

  const claim = async (ticket: Ticket) => {
    try {
      await api.post(`/api/v1/tickets/${ticket.number}/claim`, { version: ticket.version });
      setError(null);
      applyChange(ticket.number);
      loadCounts();
    } catch (e) {
      setError(e instanceof ApiError ? t('error.action', { detail: e.message }) : String(e));
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = keyAction(e);
      if (!action) return;
      const current = items[selected];
      if (action === 'next' || action === 'prev') {
        e.preventDefault();
        const next = move(selected, items.length, action);
        setSelected(next);
        document.querySelector(`[data-row="${next}"]`)?.scrollIntoView({ block: 'nearest' });
      } else if (current && action === 'open') {
        go({ screen: 'ticket', number: current.number });
      } else if (current && action === 'claim') {
        claim(current);
      } else if (current && action === 'reply') {
        e.preventDefault();
        requestReplyFocus();
        go({ screen: 'ticket', number: current.number });
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [items, selected]);

  return (
    <div class="queues">
      <QueueNav counts={counts} view={view} user={user} go={go} />
      <section class="list">
        <Filters values={filters} onChange={setFilters} />
        <p class="muted hint">{t('queues.keys')}</p>
        {error && <p class="error" role="alert" data-testid="queue-error">{error}</p>}
        {state === 'loading' && <p class="muted" role="status">{t('common.loading')}</p>}
        {state === 'ready' && items.length === 0 && <p class="empty" data-testid="empty">{t('queues.empty')}</p>}
        {items.length > 0 && (
          <table class="tickets" data-testid="tickets">
            <thead>
              <tr>
                <th>{t('ticket.number')}</th><th>{t('ticket.subject')}</th><th>{t('ticket.category')}</th>
                <th>{t('ticket.priority')}</th><th>{t('ticket.status')}</th><th>{t('ticket.assignee')}</th>
                <th>{t('sla.resolution')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((x, i) => (
                <tr key={x.number} data-row={i} data-number={x.number} class={i === selected ? 'selected' : ''}
                    onClick={() => go({ screen: 'ticket', number: x.number })}>
                  <td class="mono">{x.number}</td>
                  <td>{x.subject}</td>
                  <td>{code('category', x.category)}</td>
                  <td>{code('priority', x.priority)}</td>
                  <td>{code('status', x.status)}</td>
                  <td>{x.assignee ?? t('queues.nobody')}</td>
                  <td><SlaBadge due={x.resolutionDue} start={x.createdAt} paused={x.slaPaused} met={x.resolvedAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div ref={sentinel} class="sentinel" />
        {cursor && <button type="button" class="link" onClick={loadMore}>{t('queues.more')}</button>}
      </section>
    </div>
  );
}
