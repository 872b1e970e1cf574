// The queue screen's filters in the address bar (?category=…&tier=…), so that a reload, a shared
// link and the browser's back button bring the same filtered list back.
import { query } from '../api';
import { CATEGORIES, CHANNELS, PRIORITIES, SEVERITIES, TIERS } from '../model';
import type { FilterValues } from './Filters';

const CHOICES: Record<Exclude<keyof FilterValues, 'product'>, string[]> = {
  category: CATEGORIES, severity: SEVERITIES, priority: PRIORITIES, channel: CHANNELS, tier: TIERS,
};

/** The filters a query string names; unknown parameters and values no select offers are left out. */
export function filtersFromSearch(search: string): FilterValues {
  const params = new URLSearchParams(search);
  const values: FilterValues = {};
  for (const [key, allowed] of Object.entries(CHOICES) as [keyof typeof CHOICES, string[]][]) {
    const v = params.get(key);
    if (v && allowed.includes(v)) values[key] = v;
  }
  const product = params.get('product')?.trim();
  if (product) values.product = product;
  return values;
}

/** The query string for `values` ('' when no filter is set), in a fixed order. */
export function filtersSearch(values: FilterValues): string {
  return query({
    category: values.category, severity: values.severity, priority: values.priority, channel: values.channel,
    tier: values.tier, product: values.product,
  });
}
