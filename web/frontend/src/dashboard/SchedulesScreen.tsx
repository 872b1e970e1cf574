// Supervisors' list and editor of the weekly report schedules, on the existing schedule API
// (GET/POST /api/v1/reports/schedules, PUT /{id} with the version read). The API keeps every schedule
// (its deliveries refer to it): "delete" is switching it off, which stops its mails.
import { useEffect, useState } from 'preact/hooks';
import { ApiClient, ApiError } from '../api';
import type { Route } from '../router';
import { dt } from './messages';
import { emptyForm, formOf, problemOf, requestOf, type Schedule, type ScheduleForm } from './schedules';

interface Props {
  api: ApiClient;
  go: (r: Route) => void;
}

const TIERS = ['', 'VIP', 'A', 'B', 'C'];

export default function SchedulesScreen({ api, go }: Props) {
  const [items, setItems] = useState<Schedule[] | null>(null);
  const [editing, setEditing] = useState<Schedule | 'new' | null>(null);
  const [form, setForm] = useState<ScheduleForm>(emptyForm());
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);

  const load = async () => {
    try {
      setItems((await api.get<{ items: Schedule[] }>('/api/v1/reports/schedules')).items);
    } catch (e) {
      setError({ message: e instanceof ApiError ? e.message : String(e) });
    }
  };
  useEffect(() => { load(); }, []);

  const open = (s: Schedule | 'new') => {
    setEditing(s);
    setForm(s === 'new' ? emptyForm() : formOf(s));
    setError(null);
  };

  const save = async (f: ScheduleForm, target: Schedule | 'new') => {
    const p = problemOf(f);
    if (p) {
      setError({ field: p.field, message: dt(p.key) });
      return;
    }
    try {
      if (target === 'new') await api.post('/api/v1/reports/schedules', requestOf(f));
      else await api.put(`/api/v1/reports/schedules/${target.id}`, requestOf(f, target.version));
      setEditing(null);
      setError(null);
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? { field: e.problem.field, message: e.message } : { message: String(e) });
    }
  };

  const set = <K extends keyof ScheduleForm>(k: K, v: ScheduleForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const field = (name: keyof ScheduleForm, input: preact.JSX.Element) => (
    <label class={error?.field === name ? 'invalid' : ''}>{dt(`schedules.field.${name}`)} {input}</label>
  );

  return (
    <div class="dashboard schedules" data-testid="schedules">
      <div class="row wrap">
        <h2>{dt('schedules.title')}</h2>
        <span class="spacer" />
        <a href="/reports" onClick={(e) => { e.preventDefault(); go({ screen: 'reports' }); }}>{dt('schedules.back')}</a>
        <button type="button" data-testid="schedule-new" onClick={() => open('new')}>{dt('schedules.new')}</button>
      </div>
      {error && <p class="error" role="alert" data-testid="schedule-error">{error.message}</p>}
      {items === null ? <p class="muted" role="status">{dt('loading')}</p>
        : items.length === 0 ? <p class="muted">{dt('schedules.none')}</p>
          : (
            <table class="report-table" data-testid="schedule-list">
              <thead><tr><th>{dt('schedules.field.name')}</th><th>{dt('schedules.when')}</th>
                <th>{dt('schedules.field.recipients')}</th><th>{dt('schedules.field.enabled')}</th><th /></tr></thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id} data-testid={`schedule-${s.id}`}>
                    <td>{s.name}</td>
                    <td>{dt(`schedules.day.${s.dayOfWeek}`)} {s.time} ({s.timeZone})</td>
                    <td>{s.recipients.join(', ')}</td>
                    <td>{s.enabled ? dt('schedules.on') : dt('schedules.off')}</td>
                    <td>
                      <button type="button" onClick={() => open(s)}>{dt('schedules.edit')}</button>{' '}
                      <button type="button" data-testid={`schedule-toggle-${s.id}`}
                              onClick={() => save({ ...formOf(s), enabled: !s.enabled }, s)}>
                        {s.enabled ? dt('schedules.disable') : dt('schedules.enable')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
      {editing && (
        <form class="schedule-form" data-testid="schedule-form" onSubmit={(e) => { e.preventDefault(); save(form, editing); }}>
          {field('name', <input value={form.name} maxLength={200} onInput={(e) => set('name', e.currentTarget.value)} />)}
          {field('dayOfWeek', (
            <select value={String(form.dayOfWeek)} onChange={(e) => set('dayOfWeek', Number(e.currentTarget.value))}>
              {[1, 2, 3, 4, 5, 6, 7].map((d) => <option key={d} value={String(d)}>{dt(`schedules.day.${d}`)}</option>)}
            </select>
          ))}
          {field('time', <input type="time" value={form.time} onInput={(e) => set('time', e.currentTarget.value)} />)}
          {field('timeZone', <input value={form.timeZone} onInput={(e) => set('timeZone', e.currentTarget.value)} />)}
          {field('recipients', <textarea rows={3} value={form.recipients} onInput={(e) => set('recipients', e.currentTarget.value)} />)}
          {field('team', <input value={form.team} onInput={(e) => set('team', e.currentTarget.value)} />)}
          {field('queue', <input value={form.queue} onInput={(e) => set('queue', e.currentTarget.value)} />)}
          {field('category', <input value={form.category} onInput={(e) => set('category', e.currentTarget.value)} />)}
          {field('product', <input value={form.product} onInput={(e) => set('product', e.currentTarget.value)} />)}
          {field('tier', (
            <select value={form.tier} onChange={(e) => set('tier', e.currentTarget.value)}>
              {TIERS.map((t) => <option key={t} value={t}>{t || dt('filter.any')}</option>)}
            </select>
          ))}
          {field('enabled', <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} />)}
          <div class="row">
            <button type="submit" data-testid="schedule-save">{dt('schedules.save')}</button>
            <button type="button" class="link" onClick={() => { setEditing(null); setError(null); }}>{dt('schedules.cancel')}</button>
          </div>
        </form>
      )}
    </div>
  );
}
