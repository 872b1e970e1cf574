import { useEffect, useState } from 'preact/hooks';
import { ApiClient, ApiError } from '../api';
import { code, t } from '../i18n';
import { onLive } from '../live';
import { may, type TicketView, type User } from '../model';
import type { Route } from '../router';
import { Actions } from './Actions';
import { Attachments } from './Attachments';
import { Composer } from './Composer';
import { CustomerPanel } from './CustomerPanel';
import { SlaBadge } from './SlaBadge';
import { Timeline } from './Timeline';

interface Props {
  api: ApiClient;
  user: User;
  number: string;
  go: (r: Route) => void;
}

const HEARTBEAT_MS = 10_000;

export function TicketScreen({ api, user, number, go }: Props) {
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [viewers, setViewers] = useState<string[]>([]);
  const [changed, setChanged] = useState(false);

  const load = async () => {
    try {
      setTicket(await api.get<TicketView>(`/api/v1/tickets/${encodeURIComponent(number)}`));
      setError(null);
    } catch (e) {
      if (e instanceof ApiError) setError(e);
    }
  };

  useEffect(() => {
    setTicket(null);
    load();
    const beat = () => api.post<{ viewers: string[] }>(`/api/v1/tickets/${encodeURIComponent(number)}/presence`)
      .then((r) => setViewers(r.viewers)).catch(() => undefined);
    beat();
    const id = setInterval(beat, HEARTBEAT_MS);
    const off = onLive((e) => {
      if (e.number !== number) return;
      if (e.kind === 'presence') setViewers(e.viewers);
      else { if (e.actor !== user.username) setChanged(true); load(); }
    });
    return () => { clearInterval(id); off(); };
  }, [number]);

  const back = (
    <a href="/queues/mine" class="back" onClick={(e) => { e.preventDefault(); history.back(); }}>← {t('ticket.back')}</a>
  );
  if (error) {
    return (
      <div class="ticket">
        {back}
        <p class="error" role="alert" data-testid="ticket-error">
          {error.status === 403 ? t('ticket.forbidden') : error.status === 404 ? t('ticket.notFound') : error.message}
        </p>
      </div>
    );
  }
  if (!ticket) return <div class="ticket">{back}<p class="muted" role="status">{t('common.loading')}</p></div>;

  const others = viewers.filter((v) => v !== user.username);
  return (
    <div class="ticket" data-testid="ticket" data-status={ticket.status} data-version={ticket.version}>
      {back}
      <header class="ticket-head panel">
        <div class="row wrap">
          <h1><span class="mono" data-testid="ticket-number">{ticket.number}</span> {ticket.subject}</h1>
        </div>
        <div class="row wrap chips">
          <span class={`chip status-${ticket.status}`} data-testid="ticket-status">{code('status', ticket.status)}</span>
          <span class="chip">{t('ticket.category')}: {code('category', ticket.category)}</span>
          <span class="chip">{t('ticket.severity')}: {code('severity', ticket.severity)}</span>
          <span class="chip">{t('ticket.priority')}: {code('priority', ticket.priority)}</span>
          <span class="chip">{t('ticket.channel')}: {code('channel', ticket.channel)}</span>
          <span class="chip">{t('ticket.queue')}: {ticket.queue ? t(`queue.${ticket.queue}`) : '—'}</span>
          <span class="chip" data-testid="ticket-assignee">{t('ticket.assignee')}: {ticket.assignee ?? t('queues.nobody')}</span>
        </div>
        <div class="row wrap clocks">
          <SlaBadge label={t('sla.firstResponse')} due={ticket.firstResponseDue} start={ticket.createdAt}
                    paused={ticket.slaPaused} met={ticket.firstRespondedAt} />
          <SlaBadge label={t('sla.resolution')} due={ticket.resolutionDue} start={ticket.createdAt}
                    paused={ticket.slaPaused} met={ticket.resolvedAt} />
          {ticket.regulatoryDue && <SlaBadge label={t('sla.regulatory')} due={ticket.regulatoryDue} start={ticket.createdAt} />}
        </div>
        <p class="viewers" data-testid="viewers">
          {others.length > 0 ? t('presence.others', { names: others.join(', ') }) : t('presence.alone')}
        </p>
        {changed && <p class="muted" data-testid="live-updated">{t('ticket.updatedLive')}</p>}
      </header>
      <div class="ticket-body">
        <section>
          <div class="panel description">{ticket.description}</div>
          <Actions api={api} ticket={ticket} user={user} onDone={load} />
          <Composer api={api} ticket={ticket} canWork={may(user, 'ticket.work')} onDone={load} />
          <h2>{t('timeline.title')}</h2>
          <Attachments api={api} number={ticket.number} version={ticket.version} />
          <Timeline entries={ticket.timeline} />
        </section>
        <CustomerPanel api={api} customer={ticket.customer} current={ticket.number} go={go} />
      </div>
    </div>
  );
}
