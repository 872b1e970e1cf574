import { formatDate, t } from '../i18n';
import type { StudioView } from './paths';
import type { ProcessSummary } from './types';

/** Every deployed process and decision with its latest version; each opens in the editor. */
export function ProcessList({ items, open }: { items: ProcessSummary[]; open: (v: StudioView) => void }) {
  if (items.length === 0) return <p class="empty" data-testid="studio-empty">{t('studio.list.empty')}</p>;
  const link = (v: StudioView, label: string, action: string) => (
    <a href="#" data-action={action} onClick={(e) => { e.preventDefault(); open(v); }}>{label}</a>
  );
  return (
    <table class="studio-table" data-testid="studio-list">
      <thead><tr>
        <th>{t('studio.col.key')}</th><th>{t('studio.col.type')}</th><th>{t('studio.col.version')}</th>
        <th>{t('studio.col.deployedAt')}</th><th>{t('studio.col.deployedBy')}</th><th>{t('studio.col.comment')}</th>
        <th>{t('studio.col.running')}</th><th />
      </tr></thead>
      <tbody>{items.map((p) => (
        <tr key={p.key} data-key={p.key}>
          <td>{link({ view: 'edit', key: p.key }, p.name ? `${p.name} (${p.key})` : p.key, 'open')}</td>
          <td>{t(`studio.type.${p.type}`)}</td>
          <td>v{p.latestVersion}</td>
          <td>{formatDate(p.deployedAt)}</td>
          <td>{p.deployedBy ?? '—'}</td>
          <td>{p.comment ?? '—'}</td>
          <td>{p.runningInstances ?? '—'}</td>
          <td class="actions">
            {link({ view: 'history', key: p.key }, t('studio.tab.history'), 'history')}
            {p.type === 'process' && link({ view: 'migrate', key: p.key }, t('studio.tab.migrate'), 'migrate')}
            {p.type === 'process' && link({ view: 'monitor', key: p.key }, t('studio.tab.monitor'), 'monitor')}
          </td>
        </tr>
      ))}</tbody>
    </table>
  );
}
