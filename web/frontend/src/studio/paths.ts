// The studio's own addresses under /studio, so a reload or a link lands on the same screen.

export type StudioView =
  | { view: 'list' }
  | { view: 'new' }
  | { view: 'import' }
  | { view: 'edit' | 'history' | 'migrate' | 'monitor'; key: string };

const TABS = ['history', 'migrate', 'monitor'] as const;

export function parseStudioPath(path: string): StudioView {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { view: 'list' };
  if (parts.length === 1 && (parts[0] === 'new' || parts[0] === 'import')) return { view: parts[0] };
  const tab = parts[1] as (typeof TABS)[number] | undefined;
  if (parts.length === 1) return { view: 'edit', key: parts[0] };
  if (parts.length === 2 && tab && TABS.includes(tab)) return { view: tab, key: parts[0] };
  return { view: 'list' };
}

export function studioPath(v: StudioView): string {
  switch (v.view) {
    case 'list': return '';
    case 'new': return '/new';
    case 'import': return '/import';
    case 'edit': return `/${encodeURIComponent(v.key)}`;
    default: return `/${encodeURIComponent(v.key)}/${v.view}`;
  }
}
