import { useState } from 'preact/hooks';
import { code } from '../i18n';
import { CATEGORIES, TIERS, type User } from '../model';
import { dt } from './messages';
import { PRESETS, presetPeriod, type FilterKey, type ReportFilters } from './model';

interface Props {
  user: User;
  value: ReportFilters;
  onChange: (f: ReportFilters) => void;
}

/** Period (dates or a preset), team, queue, category, product and customer tier; applied together. */
export function ReportFilterBar({ user, value, onChange }: Props) {
  const [draft, setDraft] = useState<ReportFilters>(value);
  const set = (k: FilterKey, v: string) => setDraft({ ...draft, [k]: v.trim() || undefined } as ReportFilters);
  const text = (k: FilterKey, options: string[]) => (
    <label>
      <span>{dt(`filter.${k}`)}</span>
      <input name={k} list={`report-${k}`} value={draft[k] ?? ''} onInput={(e) => set(k, (e.target as HTMLInputElement).value)} />
      <datalist id={`report-${k}`}>{options.map((o) => <option key={o} value={o} />)}</datalist>
    </label>
  );
  const select = (k: FilterKey, group: string, options: string[]) => (
    <label>
      <span>{dt(`filter.${k}`)}</span>
      <select name={k} value={draft[k] ?? ''} onChange={(e) => set(k, (e.target as HTMLSelectElement).value)}>
        <option value="">{dt('filter.any')}</option>
        {options.map((o) => <option key={o} value={o}>{code(group, o)}</option>)}
      </select>
    </label>
  );
  return (
    <form class="filters report-filters" data-testid="report-filters"
          onSubmit={(e) => { e.preventDefault(); onChange(draft); }}>
      <label>
        <span>{dt('filter.period')}</span>
        <select name="preset" value="" onChange={(e) => {
          const p = (e.target as HTMLSelectElement).value;
          if (!p) return;
          const next = { ...draft, ...presetPeriod(p as typeof PRESETS[number], new Date()) };
          setDraft(next);
          onChange(next);
        }}>
          <option value="">…</option>
          {PRESETS.map((p) => <option key={p} value={p}>{dt(`preset.${p}`)}</option>)}
        </select>
      </label>
      <label><span>{dt('filter.from')}</span>
        <input type="date" name="from" required value={draft.from} onInput={(e) => set('from', (e.target as HTMLInputElement).value)} />
      </label>
      <label><span>{dt('filter.to')}</span>
        <input type="date" name="to" required value={draft.to} onInput={(e) => set('to', (e.target as HTMLInputElement).value)} />
      </label>
      {text('team', user.teams)}
      {text('queue', user.queues)}
      {select('category', 'category', CATEGORIES)}
      {text('product', [])}
      {select('tier', 'tier', TIERS)}
      <button type="submit" class="primary" data-testid="report-apply">{dt('filter.apply')}</button>
    </form>
  );
}
