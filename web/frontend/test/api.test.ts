import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, query } from '../src/api';

function respond(status: number, body: unknown, type = 'application/problem+json') {
  return vi.fn(async () => new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } }));
}

/** The ApiError a call ends with (the test fails if it succeeds). */
async function failure(p: Promise<unknown>): Promise<ApiError> {
  return p.then(() => { throw new Error('expected the call to fail'); }, (e: unknown) => e as ApiError);
}

describe('API client', () => {
  it('sends the CSRF token on changes but not on reads', async () => {
    const fetchFn = respond(200, { ok: true }, 'application/json');
    const api = new ApiClient(fetchFn, () => undefined);
    api.setCsrf('tok');
    await api.get('/api/v1/queues');
    await api.post('/api/v1/tickets/CL-1/claim', { version: 1 });
    const headers = (call: number) => (fetchFn.mock.calls[call] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headers(0)['X-CSRF-Token']).toBeUndefined();
    expect(headers(1)['X-CSRF-Token']).toBe('tok');
  });

  it('turns a problem into an ApiError carrying the server detail and field', async () => {
    const api = new ApiClient(respond(409, { title: 'Conflict', detail: 'ticket CL-1 is already claimed by li', field: 'version' }), () => undefined);
    const err = await failure(api.post('/api/v1/tickets/CL-1/claim'));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(409);
    expect(err.message).toBe('ticket CL-1 is already claimed by li');
    expect(err.problem.field).toBe('version');
  });

  it('reports a lost session on 401, but not a wrong password at login', async () => {
    const expired = vi.fn();
    const api = new ApiClient(respond(401, { detail: 'sign in' }), expired);
    await expect(api.get('/api/v1/queues')).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalledTimes(1);
    await expect(api.post('/api/v1/auth/login', {})).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('reports a network failure and a body that is not JSON as ApiErrors', async () => {
    const down = new ApiClient(vi.fn(async () => { throw new TypeError('offline'); }), () => undefined);
    expect((await failure(down.get('/x'))).status).toBe(0);
    const html = new ApiClient(vi.fn(async () => new Response('<h1>bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' })), () => undefined);
    const err = await failure(html.get('/x'));
    expect(err.status).toBe(502);
  });

  it('keeps the CSRF token in the given storage across reloads', () => {
    const m = new Map<string, string>();
    const store = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
    new ApiClient(respond(200, {}), () => undefined, store).setCsrf('abc');
    const fetchFn = respond(200, {}, 'application/json');
    return new ApiClient(fetchFn, () => undefined, store).post('/y').then(() => {
      const init = (fetchFn.mock.calls[0] as unknown as [string, RequestInit])[1];
      expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('abc');
    });
  });

  it('builds query strings from the set values only', () => {
    expect(query({ a: 'x', b: null, c: '', d: 5, e: false, f: true })).toBe('?a=x&d=5&f=true');
    expect(query({})).toBe('');
  });
});
