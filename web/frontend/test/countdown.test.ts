import { describe, expect, it } from 'vitest';
import { remaining, slaTone } from '../src/countdown';

const now = Date.parse('2026-03-02T10:00:00Z');

describe('SLA countdown colour', () => {
  it('is red once the due time has passed', () => {
    expect(slaTone('2026-03-02T09:59:00Z', now)).toBe('red');
    expect(slaTone('2026-03-02T10:00:00Z', now)).toBe('red');
  });

  it('is amber in the last quarter of the time allowed', () => {
    // 8 hours allowed, 1h59 left
    expect(slaTone('2026-03-02T11:59:00Z', now, '2026-03-02T03:59:00Z')).toBe('amber');
    // 8 hours allowed, 3 h left
    expect(slaTone('2026-03-02T13:00:00Z', now, '2026-03-02T05:00:00Z')).toBe('ok');
  });

  it('is amber within the last hour when the start is unknown', () => {
    expect(slaTone('2026-03-02T10:59:00Z', now)).toBe('amber');
    expect(slaTone('2026-03-02T11:01:00Z', now)).toBe('ok');
  });

  it('shows met, paused and no clock without colour', () => {
    expect(slaTone('2026-03-02T09:00:00Z', now, null, false, '2026-03-02T08:00:00Z')).toBe('met');
    expect(slaTone('2026-03-02T09:00:00Z', now, null, true)).toBe('paused');
    expect(slaTone(null, now)).toBe('none');
  });

  it('splits the remaining and the overdue time into days, hours and minutes', () => {
    expect(remaining('2026-03-03T12:05:00Z', now)).toEqual({ overdue: false, d: 1, h: 2, m: 5 });
    expect(remaining('2026-03-02T09:15:00Z', now)).toEqual({ overdue: true, d: 0, h: 0, m: 45 });
  });
});
