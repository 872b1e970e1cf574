import { afterEach, describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { ApiClient } from '../src/api';
import { setLang } from '../src/i18n';
import { DASHBOARD_CATALOGUES } from '../src/dashboard/messages';
import { emptyForm, formOf, problemOf, recipientsOf, requestOf, type Schedule } from '../src/dashboard/schedules';
import SchedulesScreen from '../src/dashboard/SchedulesScreen';
import { parseRoute, routePath } from '../src/router';

const desk: Schedule = {
  id: 7, name: '服务台周报', dayOfWeek: 1, time: '08:30', timeZone: 'Asia/Shanghai',
  recipients: ['wang@pharma.example.cn', 'li@pharma.example.cn'],
  filters: { team: null, queue: 'service-desk', category: null, product: null, tier: 'VIP' }, enabled: true, version: 3,
};

/** A fake server holding schedules, answering the schedule routes as the web module does. */
function server(items: Schedule[]) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetchFn = async (path: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, body });
    if (method === 'GET') return new Response(JSON.stringify({ items }), { status: 200 });
    if (method === 'PUT') {
      const i = items.findIndex((s) => path.endsWith(`/${s.id}`));
      items[i] = { ...items[i], ...body, filters: items[i].filters, version: items[i].version + 1 };
      return new Response(JSON.stringify(items[i]), { status: 200 });
    }
    if (body.recipients.includes('bounce@invalid.example')) {
      return new Response(JSON.stringify({ status: 400, detail: 'recipients: bounce@invalid.example is refused', field: 'recipients' }),
        { status: 400 });
    }
    const created = { ...body, id: 8, filters: {}, version: 0 };
    items.push(created);
    return new Response(JSON.stringify(created), { status: 201 });
  };
  return { api: new ApiClient(fetchFn, () => {}), calls };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

/** Waits (up to 2 s) until {@code probe} answers something. */
async function until<T>(probe: () => T | null | undefined | false): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = probe();
    if (v) return v;
    await tick();
  }
  throw new Error('timed out waiting');
}

function mount(api: ApiClient) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(h(SchedulesScreen, { api, go: () => {} }), root);
  return root;
}

afterEach(() => {
  setLang('en');
  document.body.innerHTML = '';
});

describe('weekly report schedules', () => {
  it('turns the form into the API request: addresses split and deduplicated, blank filters left out', () => {
    const form = { ...emptyForm(), name: ' 周报 ', recipients: 'a@x.cn, b@x.cn;\n a@x.cn \n\n', queue: 'quality', tier: 'A' };
    expect(recipientsOf(form.recipients)).toEqual(['a@x.cn', 'b@x.cn']);
    expect(requestOf(form)).toEqual({ name: '周报', dayOfWeek: 1, time: '08:30', timeZone: 'Asia/Shanghai',
      recipients: ['a@x.cn', 'b@x.cn'], queue: 'quality', tier: 'A', enabled: true });
    expect(requestOf(formOf(desk), desk.version)).toEqual({ name: '服务台周报', dayOfWeek: 1, time: '08:30',
      timeZone: 'Asia/Shanghai', recipients: desk.recipients, queue: 'service-desk', tier: 'VIP', enabled: true, version: 3 });
  });

  it('names the field the server would refuse', () => {
    const ok = { ...emptyForm(), name: 'n', recipients: 'a@x.cn' };
    expect(problemOf(ok)).toBeNull();
    expect(problemOf({ ...ok, name: ' ' })?.field).toBe('name');
    expect(problemOf({ ...ok, time: '24:00' })?.field).toBe('time');
    expect(problemOf({ ...ok, recipients: '' })?.field).toBe('recipients');
    expect(problemOf({ ...ok, recipients: 'not-an-address' })?.key).toBe('schedules.error.address');
    expect(problemOf({ ...ok, recipients: Array.from({ length: 51 }, (_, i) => `u${i}@x.cn`).join('\n') })?.field)
      .toBe('recipients');
  });

  it('has its route and every message in both languages', () => {
    expect(parseRoute('/reports/schedules')).toEqual({ screen: 'schedules' });
    expect(routePath({ screen: 'schedules' })).toBe('/reports/schedules');
    const keys = Object.keys(DASHBOARD_CATALOGUES.en).filter((k) => k.startsWith('schedules.'));
    expect(keys.length).toBeGreaterThan(30);
    for (const k of keys) expect((DASHBOARD_CATALOGUES['zh-CN'] as Record<string, string>)[k]).toBeTruthy();
  });

  it('lists, switches off, creates and shows the server refusal with its field', async () => {
    const { api, calls } = server([{ ...desk }]);
    mount(api);
    const row = await until(() => document.querySelector('[data-testid="schedule-7"]'));
    expect(row.textContent).toContain('服务台周报');
    expect(row.textContent).toContain('Monday 08:30 (Asia/Shanghai)');
    expect(row.textContent).toContain('wang@pharma.example.cn, li@pharma.example.cn');

    (document.querySelector('[data-testid="schedule-toggle-7"]') as HTMLButtonElement).click();
    await until(() => document.querySelector('[data-testid="schedule-7"]')!.textContent!.includes('Switch on'));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/api/v1/reports/schedules/7');
    expect(put.body).toMatchObject({ enabled: false, version: 3, queue: 'service-desk', tier: 'VIP' });
    expect(document.querySelector('[data-testid="schedule-7"]')!.textContent).toContain('off');

    (document.querySelector('[data-testid="schedule-new"]') as HTMLButtonElement).click();
    const form = await until(() => document.querySelector('[data-testid="schedule-form"]') as HTMLFormElement);
    const name = form.querySelector('input') as HTMLInputElement;
    name.value = 'QA weekly';
    name.dispatchEvent(new Event('input'));
    const to = form.querySelector('textarea') as HTMLTextAreaElement;
    to.value = 'bounce@invalid.example';
    to.dispatchEvent(new Event('input'));
    await tick();
    form.dispatchEvent(new Event('submit'));
    const refusal = await until(() => document.querySelector('[data-testid="schedule-error"]'));
    expect(refusal.textContent).toContain('bounce@invalid.example is refused');
    expect(to.closest('label')!.className).toBe('invalid');

    to.value = 'qa@pharma.example.cn';
    to.dispatchEvent(new Event('input'));
    await tick();
    form.dispatchEvent(new Event('submit'));
    await until(() => !document.querySelector('[data-testid="schedule-form"]'));
    expect(calls.filter((c) => c.method === 'POST').at(-1)!.body).toMatchObject({ name: 'QA weekly',
      recipients: ['qa@pharma.example.cn'], dayOfWeek: 1, time: '08:30', enabled: true });
    expect(document.querySelector('[data-testid="schedule-form"]')).toBeNull();
    expect(document.body.textContent).toContain('QA weekly');
  });

  it('speaks Chinese when the workspace does', async () => {
    setLang('zh-CN');
    const { api } = server([{ ...desk }]);
    mount(api);
    await until(() => document.querySelector('[data-testid="schedule-7"]'));
    expect(document.body.textContent).toContain('周报发送计划');
    expect(document.querySelector('[data-testid="schedule-7"]')!.textContent).toContain('星期一');
  });
});
