import { describe, expect, it } from 'vitest';
import { filtersFromSearch, filtersSearch } from '../src/queues/filterUrl';

describe('queue filters in the address bar', () => {
  it('round-trips every filter, the product with spaces and Chinese', () => {
    const values = { category: 'product-quality', severity: 'high', priority: 'urgent', channel: 'email', tier: 'VIP',
      product: '阿莫西林 500' };
    const search = filtersSearch(values);
    expect(search.startsWith('?category=product-quality&severity=high')).toBe(true);
    expect(filtersFromSearch(search)).toEqual(values);
  });

  it('writes nothing for no filter and reads nothing from an empty query', () => {
    expect(filtersSearch({})).toBe('');
    expect(filtersFromSearch('')).toEqual({});
  });

  it('leaves out unknown parameters and values no select offers', () => {
    expect(filtersFromSearch('?tier=platinum&severity=low&cursor=abc&product=%20%20')).toEqual({ severity: 'low' });
  });
});
