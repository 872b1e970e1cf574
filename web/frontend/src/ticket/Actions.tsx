import { useState } from 'preact/hooks';
import { ApiClient, ApiError } from '../api';
import { draft, saveDraft } from '../drafts';
import { code, t } from '../i18n';
import { AssigneePicker } from './AssigneePicker';
import { CATEGORIES, SEVERITIES, may, type Ticket, type User } from '../model';

type Field = 'reason' | 'assignee' | 'category' | 'severity' | 'resolution' | 'outcome';

/** What pharmacovigilance decides about a possible adverse event (TicketService.PV_*). */
export const PV_OUTCOMES = ['confirmed', 'not-adverse-event'];

interface Action {
  id: string;
  fields: Field[];
  /** why it cannot be taken now, or null */
  blocked: string | null;
  run: (v: Record<Field, string>) => Promise<unknown>;
}

interface Props {
  api: ApiClient;
  ticket: Ticket;
  user: User;
  onDone: () => void;
}

const CLOSED = ['resolved', 'closed'];

export function actionsFor(ticket: Ticket, user: User, api: ApiClient): Action[] {
  const path = `/api/v1/tickets/${ticket.number}`;
  const version = ticket.version;
  const noWork = may(user, 'ticket.work') ? null : t('perm.noWork');
  const open = !CLOSED.includes(ticket.status);
  const state = (ok: boolean) => noWork ?? (ok ? null : t('action.notNow', { status: code('status', ticket.status) }));
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const list: Action[] = [
    { id: 'claim', fields: [], blocked: state(open && ticket.assignee !== user.username),
      run: () => api.post(`${path}/claim`, { version }) },
    { id: 'assign', fields: ['assignee'], blocked: state(open),
      run: (v) => api.post(`${path}/assign`, { assignee: v.assignee.trim(), version }) },
    { id: 'reclassify', fields: ['category', 'severity', 'reason'], blocked: state(open),
      run: (v) => api.patch(path, { category: opt(v.category), severity: opt(v.severity), reason: v.reason, version }) },
    ticket.status === 'waiting'
      ? { id: 'resume', fields: [], blocked: state(true), run: () => api.post(`${path}/resume`, { version }) }
      : { id: 'wait', fields: ['reason'], blocked: state(open),
        run: (v) => api.post(`${path}/wait`, { reason: opt(v.reason), version }) },
    { id: 'escalate', fields: ['reason'], blocked: state(open),
      run: (v) => api.post(`${path}/escalate`, { reason: v.reason, version }) },
    { id: 'resolve', fields: ['resolution', 'reason'], blocked: state(open),
      run: (v) => api.post(`${path}/resolve`, { resolution: opt(v.resolution), reason: opt(v.reason), version }) },
    { id: 'reopen', fields: ['reason'], blocked: state(ticket.status === 'resolved'),
      run: (v) => api.post(`${path}/reopen`, { reason: v.reason, version }) },
  ];
  if (ticket.adverseEventSuspected) {
    // the reviewer chooses the outcome: confirmed opens the adverse-event case, not-adverse-event ends the review
    const reviewed = ticket.pvReview != null && ticket.pvReview !== 'pending';
    list.push({ id: 'pvReview', fields: ['outcome'],
      blocked: !may(user, 'pharmacovigilance') ? t('perm.noPv')
        : reviewed ? t('action.pvReviewed', { outcome: code('pvOutcome', ticket.pvReview) }) : null,
      run: (v) => api.post(`${path}/pv-review`, { outcome: v.outcome, version }) });
  }
  return list;
}

export function Actions({ api, ticket, user, onDone }: Props) {
  const [active, setActive] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, redraw] = useState(0);
  const actions = actionsFor(ticket, user, api);
  const current = actions.find((a) => a.id === active) ?? null;
  const key = (f: Field) => `${ticket.number}:${active}:${f}`;

  const start = async (a: Action) => {
    setError(null);
    if (a.fields.length > 0) {
      setActive(a.id);
      return;
    }
    await run(a);
  };

  const run = async (a: Action) => {
    setBusy(true);
    const values = Object.fromEntries(a.fields.map((f) => [f, draft(`${ticket.number}:${a.id}:${f}`)])) as Record<Field, string>;
    try {
      await a.run(values);
      a.fields.forEach((f) => saveDraft(`${ticket.number}:${a.id}:${f}`, ''));
      setActive(null);
      setError(null);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? t('error.action', { detail: e.message }) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const input = (f: Field) => {
    const value = draft(key(f));
    const set = (v: string) => { saveDraft(key(f), v); redraw((n) => n + 1); };
    if (f === 'category' || f === 'severity') {
      return (
        <select name={f} value={value} onChange={(e) => set((e.target as HTMLSelectElement).value)}>
          <option value="">{t('action.unchanged')}</option>
          {(f === 'category' ? CATEGORIES : SEVERITIES).map((o) => <option key={o} value={o}>{code(f, o)}</option>)}
        </select>
      );
    }
    if (f === 'outcome') {
      return (
        <select name={f} value={value} onChange={(e) => set((e.target as HTMLSelectElement).value)}>
          <option value="">{t('action.choose')}</option>
          {PV_OUTCOMES.map((o) => <option key={o} value={o}>{code('pvOutcome', o)}</option>)}
        </select>
      );
    }
    if (f === 'assignee' && may(user, 'assign.others')) {
      return <AssigneePicker api={api} number={ticket.number} value={value} onChange={set} />;
    }
    return f === 'resolution'
      ? <textarea name={f} rows={2} value={value} onInput={(e) => set((e.target as HTMLTextAreaElement).value)} />
      : <input name={f} value={value} onInput={(e) => set((e.target as HTMLInputElement).value)} />;
  };

  return (
    <div class="actions panel" data-testid="actions">
      <div class="row wrap">
        {actions.map((a) => (
          <button type="button" key={a.id} data-action={a.id} disabled={busy || a.blocked !== null}
                  title={a.blocked ?? undefined} class={a.id === active ? 'active' : ''} onClick={() => start(a)}>
            {t(`action.${a.id}`)}
          </button>
        ))}
      </div>
      {actions.filter((a) => a.blocked === t('perm.noPv') || a.blocked === t('perm.noWork')).slice(0, 1).map((a) => (
        <p class="muted" data-testid="denied-reason" key="denied">{a.blocked}</p>
      ))}
      {current && (
        <form class="action-form" data-testid="action-form" onSubmit={(e) => { e.preventDefault(); run(current); }}>
          {current.fields.map((f) => (
            <label key={f}><span>{t(`field.${f}`)}</span>{input(f)}</label>
          ))}
          <div class="row">
            <button type="submit" class="primary" disabled={busy} data-testid="action-confirm">{t(`action.${current.id}`)}</button>
            <button type="button" onClick={() => { setActive(null); setError(null); }}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
      {error && <p class="error" role="alert" data-testid="action-error">{error}</p>}
    </div>
  );
}
