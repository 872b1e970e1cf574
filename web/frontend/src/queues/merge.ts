// A live change merged into the pages a queue screen has loaded, instead of reloading page 1: the
// changed row is updated in place, or inserted at its place by the list's sort key (resolution due
// ascending, then number, as the server's ORDER BY resolution_due, id), or removed when it left the
// view. The user keeps the pages scrolled in and the selected row.
import type { Ticket } from '../model';

export type ListQuery = Record<string, string | undefined>;

const CLOSED = ['resolved', 'closed'];

/**
 * Whether `t` belongs to the list asked for with `q` (the ticket list's query parameters), as the
 * server decides it. The customer's tier is not on the ticket row: `tier` is the tier of the
 * ticket's customer (null: no customer, which no tier filter matches), from the ticket view the
 * live change was fetched with; left out (undefined), a tier filter answers null: cannot tell.
 */
export function matchesQuery(t: Ticket, q: ListQuery, me: string, tier?: string | null): boolean | null {
  if (q.open === 'true' && CLOSED.includes(t.status)) return false;
  if (q.status && t.status !== q.status) return false;
  if (q.assignee === 'none' ? t.assignee !== null
      : q.assignee === 'me' ? t.assignee !== me
      : q.assignee ? t.assignee !== q.assignee : false) return false;
  if (q.sla && t.slaState !== q.sla) return false;
  for (const key of ['queue', 'category', 'severity', 'priority', 'channel', 'product'] as const) {
    if (q[key] && t[key] !== q[key]) return false;
  }
  if (!q.tier) return true;
  return tier === undefined ? null : tier === q.tier;
}

/** The list's order: resolution due ascending (none last), then number. */
export function compareDue(a: Ticket, b: Ticket): number {
  const da = a.resolutionDue ? Date.parse(a.resolutionDue) : Number.POSITIVE_INFINITY;
  const db = b.resolutionDue ? Date.parse(b.resolutionDue) : Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

/**
 * The loaded rows after ticket `number` changed to `fresh` (null: gone or no longer readable).
 * `belongs` is {@link matchesQuery}'s answer; `complete` says every page is loaded, so a row that
 * sorts after the last loaded one is appended rather than left for the next page.
 */
export function mergeChange(items: Ticket[], number: string, fresh: Ticket | null, belongs: boolean | null,
                            complete: boolean): Ticket[] {
  const at = items.findIndex((x) => x.number === number);
  if (!fresh || belongs === false) return at < 0 ? items : items.filter((_, i) => i !== at);
  if (belongs === null) return at < 0 ? items : items.map((x, i) => (i === at ? fresh : x));
  const rest = at < 0 ? items : items.filter((_, i) => i !== at);
  let pos = rest.findIndex((x) => compareDue(fresh, x) < 0);
  if (pos < 0) {
    if (!complete) return rest;
    pos = rest.length;
  }
  if (at === pos && rest.length === items.length - 1) {
    return items.map((x, i) => (i === at ? fresh : x));
  }
  return [...rest.slice(0, pos), fresh, ...rest.slice(pos)];
}

/** The selected row's index after `before` became `after`: the same ticket if it stayed, else the same place. */
export function reselect(before: Ticket[], after: Ticket[], selected: number): number {
  if (after.length === 0) return 0;
  const number = before[selected]?.number;
  const i = number === undefined ? -1 : after.findIndex((x) => x.number === number);
  return i >= 0 ? i : Math.min(Math.max(selected, 0), after.length - 1);
}
