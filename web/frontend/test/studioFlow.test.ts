import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../src/api';
import { setLang, t } from '../src/i18n';
import { studioEn } from '../src/i18n/studio.en';
import { studioZhCN } from '../src/i18n/studio.zh-CN';
import { parseRoute, routePath } from '../src/router';
import { deployDiagram, reason } from '../src/studio/deploy';
import { parseStudioPath, studioPath, type StudioView } from '../src/studio/paths';
import { canUseStudio } from '../src/studio/StudioLoader';
import { StudioApi } from '../src/studio/studioApi';

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

describe('studio: addresses and access', () => {
  it('keeps each studio screen in the address bar', () => {
    const views: StudioView[] = [{ view: 'list' }, { view: 'new' }, { view: 'import' },
      { view: 'edit', key: 'ticket-lifecycle' }, { view: 'history', key: 'classify-ticket' },
      { view: 'migrate', key: 'ticket-lifecycle' }, { view: 'monitor', key: 'ticket-lifecycle' }];
    for (const v of views) {
      const route = parseRoute(`/studio${studioPath(v)}`);
      expect(route).toEqual({ screen: 'studio', path: studioPath(v) });
      expect(routePath(route)).toBe(`/studio${studioPath(v)}`);
      expect(parseStudioPath(studioPath(v))).toEqual(v);
    }
    expect(parseStudioPath('/a/b/c')).toEqual({ view: 'list' });
  });

  it('shows the studio to supervisors and admins only', () => {
    expect(canUseStudio({ roles: ['supervisor'] })).toBe(true);
    expect(canUseStudio({ roles: ['agent', 'admin'] })).toBe(true);
    expect(canUseStudio({ roles: ['agent'] })).toBe(false);
    expect(canUseStudio({ roles: ['specialist', 'integrator'] })).toBe(false);
  });
});

describe('studio: deployment outcomes', () => {
  it('sends the diagram as a multipart file with the comment and the CSRF token', async () => {
    const fetchFn = answer(201, { versions: [{ key: 'k', version: 2 }] });
    const api = new ApiClient(fetchFn, () => undefined);
    api.setCsrf('tok');
    const out = await deployDiagram(new StudioApi(api), 'k.bpmn', '<definitions/>', 'add a check', false);
    expect(out).toEqual({ kind: 'deployed', versions: [{ key: 'k', version: 2 }] });
    const [path, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/v1/deployments');
    const form = init.body as FormData;
    expect((form.get('file') as File).name).toBe('k.bpmn');
    expect(await (form.get('file') as File).text()).toBe('<definitions/>');
    expect(form.get('comment')).toBe('add a check');
    expect(form.get('overrideAdverseEventPath')).toBeNull();
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok');
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('turns a 422 into the errors to mark, and other failures into the reason to show', async () => {
    const errors = [{ file: 'k.bpmn', elementId: 't', code: 'unknown-queue', message: "candidate group 'nobody' is not a queue" }];
    const refused = await deployDiagram(new StudioApi(new ApiClient(answer(422, { detail: '1 error', errors }), () => undefined)),
      'k.bpmn', '<x/>', 'c', false);
    expect(refused).toEqual({ kind: 'refused', errors, message: '1 error' });
    const denied = await deployDiagram(new StudioApi(new ApiClient(answer(403, { detail: 'needs process.edit' }), () => undefined)),
      'k.bpmn', '<x/>', 'c', false);
    expect(denied).toEqual({ kind: 'failed', message: 'Not allowed: needs process.edit' });
    const offline = new ApiClient(vi.fn(async () => { throw new TypeError('offline'); }), () => undefined);
    const lost = await deployDiagram(new StudioApi(offline), 'k.bpmn', '<x/>', 'c', true);
    expect(lost.kind).toBe('failed');
    expect(reason(new Error('x'))).toBe('x');
  });

  it('reads the deployed XML as text', async () => {
    const fetchFn = vi.fn(async () => new Response('<bpmn:definitions/>', { status: 200, headers: { 'Content-Type': 'application/xml' } }));
    const xml = await new StudioApi(new ApiClient(fetchFn, () => undefined)).xml('ticket-lifecycle', 2);
    expect(xml).toBe('<bpmn:definitions/>');
    expect((fetchFn.mock.calls[0] as unknown as [string])[0]).toBe('/api/v1/processes/ticket-lifecycle/xml?version=2');
  });
});

describe('studio: strings', () => {
  it('has every studio string in Chinese, loaded with the studio', () => {
    expect(Object.keys(studioZhCN).sort()).toEqual(Object.keys(studioEn).sort());
    for (const v of Object.values(studioZhCN)) expect(v.trim()).not.toBe('');
    setLang('zh-CN');
    expect(t('studio.tab.monitor')).toBe('监控');
    expect(reason(new Error('x'))).toBe('x');
    setLang('en');
    expect(t('studio.deploy.refused', { n: 2 })).toContain('Refused: 2');
  });
});
