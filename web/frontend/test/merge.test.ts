import { describe, expect, it } from 'vitest';
import { compareDue, matchesQuery, mergeChange, reselect } from '../src/queues/merge';
import type { Ticket } from '../src/model';

function ticket(number: string, due: string | null, extra: Partial<Ticket> = {}): Ticket {
  return {
    number, subject: `subject ${number}`, description: '', channel: 'email', category: 'service-process',
    severity: 'low', priority: 'normal', status: 'new', queue: 'service-desk', assignee: null, customerId: null,
    product: null, createdAt: '2026-12-01T08:00:00Z', firstResponseDue: null, resolutionDue: due,
    firstRespondedAt: null, resolvedAt: null, regulatoryDue: null, slaPaused: false, slaState: 'on-track',
    escalationLevel: 0, adverseEventSuspected: false, version: 1, ...extra,
  };
}

const a = ticket('CL-1', '2026-12-01T10:00:00Z');
const b = ticket('CL-2', '2026-12-01T11:00:00Z');
const c = ticket('CL-3', '2026-12-01T12:00:00Z');
const numbers = (xs: Ticket[]) => xs.map((x) => x.number);

describe('live changes merged into the loaded queue pages', () => {
  it('updates a changed row in place, keeping the others as they were', () => {
    const changed = { ...b, subject: 'new subject', version: 2 };
    const after = mergeChange([a, b, c], 'CL-2', changed, true, false);
    expect(numbers(after)).toEqual(['CL-1', 'CL-2', 'CL-3']);
    expect(after[1].subject).toBe('new subject');
    expect(after[0]).toBe(a);
  });

  it('inserts a new ticket at its place by resolution due', () => {
    const fresh = ticket('CL-9', '2026-12-01T11:30:00Z');
    expect(numbers(mergeChange([a, b, c], 'CL-9', fresh, true, false))).toEqual(['CL-1', 'CL-2', 'CL-9', 'CL-3']);
  });

  it('moves a row whose due time changed', () => {
    const later = { ...a, resolutionDue: '2026-12-01T11:30:00Z' };
    expect(numbers(mergeChange([a, b, c], 'CL-1', later, true, true))).toEqual(['CL-2', 'CL-1', 'CL-3']);
  });

  it('leaves a ticket that sorts after the loaded rows to the next page, appends it when all is loaded', () => {
    const last = ticket('CL-9', '2026-12-02T09:00:00Z');
    expect(numbers(mergeChange([a, b], 'CL-9', last, true, false))).toEqual(['CL-1', 'CL-2']);
    expect(numbers(mergeChange([a, b], 'CL-9', last, true, true))).toEqual(['CL-1', 'CL-2', 'CL-9']);
    expect(numbers(mergeChange([], 'CL-9', last, true, true))).toEqual(['CL-9']);
  });

  it('removes a row that left the view or can no longer be read', () => {
    expect(numbers(mergeChange([a, b, c], 'CL-2', { ...b, assignee: 'li' }, false, false))).toEqual(['CL-1', 'CL-3']);
    expect(numbers(mergeChange([a, b, c], 'CL-3', null, null, false))).toEqual(['CL-1', 'CL-2']);
  });

  it('only updates in place when membership is unknown', () => {
    expect(numbers(mergeChange([a, b], 'CL-9', ticket('CL-9', null), null, true))).toEqual(['CL-1', 'CL-2']);
    expect(mergeChange([a, b], 'CL-2', { ...b, version: 5 }, null, true)[1].version).toBe(5);
  });

  it('keeps the selected ticket selected, or the same place when it went', () => {
    const fresh = ticket('CL-0', '2026-12-01T09:00:00Z');
    expect(reselect([a, b, c], [fresh, a, b, c], 1)).toBe(2);
    expect(reselect([a, b, c], [a, c], 1)).toBe(1);
    expect(reselect([a, b, c], [a, b], 2)).toBe(1);
    expect(reselect([a], [], 0)).toBe(0);
  });
});

describe('which tickets a queue view holds', () => {
  it('follows the view and the filters', () => {
    const mine = ticket('CL-5', null, { assignee: 'li', status: 'open' });
    expect(matchesQuery(mine, { assignee: 'me', open: 'true' }, 'li')).toBe(true);
    expect(matchesQuery(mine, { assignee: 'me', open: 'true' }, 'wang')).toBe(false);
    expect(matchesQuery(mine, { assignee: 'none', open: 'true' }, 'li')).toBe(false);
    expect(matchesQuery({ ...mine, status: 'resolved' }, { assignee: 'me', open: 'true' }, 'li')).toBe(false);
    expect(matchesQuery(a, { sla: 'at-risk', open: 'true' }, 'li')).toBe(false);
    expect(matchesQuery(a, { queue: 'service-desk', open: 'true', severity: 'low' }, 'li')).toBe(true);
    expect(matchesQuery(a, { open: 'true', category: 'adverse-event' }, 'li')).toBe(false);
    expect(matchesQuery(a, { open: 'true', tier: 'VIP' }, 'li')).toBeNull();
  });

  it('orders by resolution due, tickets without one last, then by number', () => {
    const none = ticket('CL-0', null);
    expect([c, none, b, a].sort(compareDue).map((x) => x.number)).toEqual(['CL-1', 'CL-2', 'CL-3', 'CL-0']);
    expect(compareDue(ticket('CL-7', null), ticket('CL-8', null))).toBeLessThan(0);
  });

  it('places a live-changed ticket in a tier-filtered list by its customer\'s tier', () => {
    const vip = ticket('CL-9', '2026-12-01T11:30:00Z');
    expect(matchesQuery(vip, { open: 'true', tier: 'VIP' }, 'li', 'VIP')).toBe(true);
    expect(matchesQuery(vip, { open: 'true', tier: 'VIP' }, 'li', 'B')).toBe(false);
    // no customer: no tier filter matches it, as the server's customer_id IN (… tier = ?)
    expect(matchesQuery(vip, { open: 'true', tier: 'VIP' }, 'li', null)).toBe(false);
    // the other filters still decide first
    expect(matchesQuery({ ...vip, status: 'closed' }, { open: 'true', tier: 'VIP' }, 'li', 'VIP')).toBe(false);
    const belongs = matchesQuery(vip, { open: 'true', tier: 'VIP' }, 'li', 'VIP');
    expect(numbers(mergeChange([a, b, c], 'CL-9', vip, belongs, false))).toEqual(['CL-1', 'CL-2', 'CL-9', 'CL-3']);
    const left = matchesQuery({ ...b }, { open: 'true', tier: 'VIP' }, 'li', 'A');
    expect(numbers(mergeChange([a, b, c], 'CL-2', b, left, false))).toEqual(['CL-1', 'CL-3']);
  });
});
