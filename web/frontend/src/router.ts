// The workspace's few routes, kept in the address bar so a reload or a new login lands where you were.

export type Route =
  | { screen: 'queues'; view: string }
  | { screen: 'ticket'; number: string }
  /** the supervisor studio; `path` is the part after /studio (studio/paths.ts reads it) */
  | { screen: 'studio'; path: string }
  | { screen: 'reports' }
  /** the weekly report schedules (supervisors) */
  | { screen: 'schedules' };

export function parseRoute(path: string): Route {
  const s = /^\/studio(\/.*)?$/.exec(path);
  if (s) return { screen: 'studio', path: s[1] ?? '' };
  if (path === '/reports') return { screen: 'reports' };
  if (path === '/reports/schedules') return { screen: 'schedules' };
  const t = /^\/tickets\/([^/]+)$/.exec(path);
  if (t) return { screen: 'ticket', number: decodeURIComponent(t[1]) };
  const q = /^\/queues\/([^/]+)$/.exec(path);
  return { screen: 'queues', view: q ? decodeURIComponent(q[1]) : 'mine' };
}

export function routePath(r: Route): string {
  if (r.screen === 'studio') return `/studio${r.path}`;
  if (r.screen === 'reports') return '/reports';
  if (r.screen === 'schedules') return '/reports/schedules';
  return r.screen === 'ticket' ? `/tickets/${encodeURIComponent(r.number)}` : `/queues/${encodeURIComponent(r.view)}`;
}

/** The ticket list's query for a queue view: mine, unassigned, at-risk, breached or queue:<code>. */
export function viewQuery(view: string): Record<string, string> {
  switch (view) {
    case 'mine': return { assignee: 'me', open: 'true' };
    case 'unassigned': return { assignee: 'none', open: 'true' };
    case 'at-risk': return { sla: 'at-risk', open: 'true' };
    case 'breached': return { sla: 'breached', open: 'true' };
    default: return view.startsWith('queue:') ? { queue: view.slice(6), open: 'true' } : { open: 'true' };
  }
}
