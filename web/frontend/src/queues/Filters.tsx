import { code, t } from '../i18n';
import { CATEGORIES, CHANNELS, PRIORITIES, SEVERITIES, TIERS } from '../model';

export type FilterValues = Partial<Record<'category' | 'severity' | 'priority' | 'channel' | 'tier' | 'product', string>>;

interface Props {
  values: FilterValues;
  onChange: (v: FilterValues) => void;
}

const SELECTS: [keyof FilterValues, string, string[]][] = [
  ['category', 'category', CATEGORIES],
  ['severity', 'severity', SEVERITIES],
  ['priority', 'priority', PRIORITIES],
  ['channel', 'channel', CHANNELS],
  ['tier', 'tier', TIERS],
];

export function Filters({ values, onChange }: Props) {
  const set = (k: keyof FilterValues, v: string) => onChange({ ...values, [k]: v || undefined });
  return (
    <div class="filters" data-testid="filters">
      {SELECTS.map(([key, group, options]) => (
        <label key={key}>
          <span>{t(`filter.${key}`)}</span>
          <select name={key} value={values[key] ?? ''} onChange={(e) => set(key, (e.target as HTMLSelectElement).value)}>
            <option value="">{t('filter.any')}</option>
            {options.map((o) => <option key={o} value={o}>{code(group, o)}</option>)}
          </select>
        </label>
      ))}
      <label>
        <span>{t('filter.product')}</span>
        <input name="product" value={values.product ?? ''}
               onChange={(e) => set('product', (e.target as HTMLInputElement).value.trim())} />
      </label>
      <span class="muted">{t('filter.sortedByDue')}</span>
    </div>
  );
}
