import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../src/api';
import type { Ticket, User } from '../src/model';
import { actionsFor } from '../src/ticket/Actions';

function recordingApi() {
  const calls: { path: string; body: unknown }[] = [];
  const api = { post: async (path: string, body?: unknown) => { calls.push({ path, body }); return {}; } };
  return { api: api as unknown as ApiClient, calls };
}

const pv: User = { username: 'wang.pv', displayName: 'Wang', roles: ['specialist'], teams: [], queues: [] };
const agent: User = { username: 'zhou', displayName: 'Zhou', roles: ['agent'], teams: [], queues: [] };

function ticket(pvReview: string | null): Ticket {
  return { number: 'CL-2026-000042', status: 'open', adverseEventSuspected: true, pvReview, version: 3 } as unknown as Ticket;
}

const review = (t: Ticket, u: User, api: ApiClient) => actionsFor(t, u, api).find((a) => a.id === 'pvReview')!;

describe('pharmacovigilance review action', () => {
  it('asks for the outcome and sends the one chosen, never a fixed one', async () => {
    const { api, calls } = recordingApi();
    const action = review(ticket('pending'), pv, api);

    expect(action.fields).toEqual(['outcome']);
    expect(action.blocked).toBeNull();
    await action.run({ outcome: 'not-adverse-event' } as never);

    expect(calls).toEqual([{ path: '/api/v1/tickets/CL-2026-000042/pv-review', body: { outcome: 'not-adverse-event', version: 3 } }]);
  });

  it('is shown but disabled with the reason for a role without the permission, and once reviewed', () => {
    const { api } = recordingApi();
    expect(review(ticket('pending'), agent, api).blocked).toContain('pharmacovigilance');
    expect(review(ticket('confirmed'), pv, api).blocked).toBe('Already reviewed: Adverse event confirmed');
  });

  it('is not offered when no adverse event is suspected', () => {
    const { api } = recordingApi();
    const t = { ...ticket(null), adverseEventSuspected: false } as Ticket;
    expect(actionsFor(t, pv, api).map((a) => a.id)).not.toContain('pvReview');
  });
});
