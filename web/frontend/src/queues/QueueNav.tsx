import { t } from '../i18n';
import type { QueueCounts, User } from '../model';
import type { Route } from '../router';

interface Props {
  counts: QueueCounts | null;
  view: string;
  user: User;
  go: (r: Route) => void;
}

export function QueueNav({ counts, view, user, go }: Props) {
  const item = (id: string, label: string, count: number | undefined) => (
    <li key={id}>
      <a href={`/queues/${id}`} class={id === view ? 'active' : ''} data-view={id}
         onClick={(e) => { e.preventDefault(); go({ screen: 'queues', view: id }); }}>
        <span>{label}</span>
        <span class="count" data-count={id}>{count ?? '…'}</span>
      </a>
    </li>
  );
  const queues = counts?.queues ?? user.queues.map((q) => ({ queue: q, open: undefined as number | undefined, team: true }));
  return (
    <nav class="queue-nav" aria-label={t('queues.title')}>
      <ul>
        {item('mine', t('queues.mine'), counts?.mine)}
        {item('unassigned', t('queues.unassigned'), counts?.unassigned)}
        {item('at-risk', t('queues.atRisk'), counts?.atRisk)}
        {item('breached', t('queues.breached'), counts?.breached)}
      </ul>
      <h2>{t('queues.teamQueues')}</h2>
      <ul>
        {queues.length === 0 && <li class="muted">{t('queues.noTeam')}</li>}
        {queues.map((q) => item(`queue:${q.queue}`, t(`queue.${q.queue}`), q.open))}
      </ul>
    </nav>
  );
}
