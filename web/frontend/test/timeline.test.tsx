import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../src/api';
import { setLang, setTimeZone } from '../src/i18n';
import type { Attachment, TimelineEntry } from '../src/model';
import { Attachments, sizeLabel } from '../src/ticket/Attachments';
import { deliveryText } from '../src/ticket/Delivery';
import { Timeline } from '../src/ticket/Timeline';

const reply = (delivery: TimelineEntry['delivery']): TimelineEntry => ({
  type: 'interaction', at: '2026-03-01T08:00:00Z', actor: 'li', kind: 'reply', direction: 'outbound',
  body: 'We are sending a replacement.', changes: null, delivery,
});

function mount(node: preact.ComponentChild): HTMLElement {
  const host = document.createElement('div');
  document.body.appendChild(host);
  act(() => render(node, host));
  return host;
}

describe('timeline: a reply shows how far it got through the channel', () => {
  afterEach(() => { setLang('en'); setTimeZone(undefined); document.body.innerHTML = ''; });

  it('says sent, queued again after a failure, failed or not sent, in English and Chinese', () => {
    setTimeZone('UTC');
    expect(deliveryText({ state: 'sent', attempts: 1, lastError: null, nextTry: null, sentAt: '2026-03-01T08:01:00Z' }))
      .toMatch(/^Sent .*08:01/);
    expect(deliveryText({ state: 'queued', attempts: 0, lastError: null, nextTry: '2026-03-01T08:00:00Z', sentAt: null }))
      .toBe('Queued to send');
    expect(deliveryText({ state: 'queued', attempts: 2, lastError: 'SMTP 451', nextTry: '2026-03-01T08:10:00Z', sentAt: null }))
      .toMatch(/attempt 2 failed \(SMTP 451\); next try .*08:10/);
    expect(deliveryText({ state: 'failed', attempts: 5, lastError: 'mailbox unavailable', nextTry: null, sentAt: null }))
      .toBe('Not delivered after 5 attempts: mailbox unavailable');
    setLang('zh-CN');
    expect(deliveryText({ state: 'not-sent', attempts: 0, lastError: 'no e-mail address', nextTry: null, sentAt: null }))
      .toBe('未经渠道发送：no e-mail address');
  });

  it('marks a failed reply as an alert, notes one no channel sends, and leaves entries without delivery alone', () => {
    const host = mount(<Timeline entries={[
      reply({ state: 'failed', attempts: 5, lastError: 'mailbox unavailable', nextTry: null, sentAt: null }),
      reply({ state: 'not-sent', attempts: 0, lastError: 'no plugin serves channel phone', nextTry: null, sentAt: null }),
      { ...reply(null), kind: 'note', direction: 'internal', body: 'called the pharmacy' },
    ]} />);
    const states = host.querySelectorAll('[data-testid=delivery]');
    expect(states).toHaveLength(2);
    expect(states[0].getAttribute('role')).toBe('alert');
    expect(states[0].textContent).toContain('mailbox unavailable');
    expect(states[1].getAttribute('role')).toBeNull();
    expect(states[1].textContent).toBe('Not sent through a channel: no plugin serves channel phone');
  });
});

describe('attachments', () => {
  afterEach(() => { document.body.innerHTML = ''; });

  it('gives sizes in readable units', () => {
    expect(sizeLabel(512)).toBe('512 B');
    expect(sizeLabel(1536)).toBe('1.5 KB');
    expect(sizeLabel(25 * 1024 * 1024)).toBe('25 MB');
    expect(sizeLabel(null)).toBe('');
  });

  it('links a stored file for download and says why a file was refused', async () => {
    const items: Attachment[] = [
      { id: 7, fileName: '发票.pdf', contentType: 'application/pdf', size: 2048, state: 'stored', reason: null,
        createdAt: '2026-03-01T08:00:00Z', href: '/api/v1/tickets/CL-2026-000001/attachments/7' },
      { id: 8, fileName: 'scan.tiff', contentType: 'image/tiff', size: 40 * 1024 * 1024, state: 'refused',
        reason: 'larger than 25 MB', createdAt: '2026-03-01T08:00:00Z', href: null },
    ];
    const asked: string[] = [];
    const api = { get: async (path: string) => { asked.push(path); return { items }; } } as unknown as ApiClient;
    const host = mount(<Attachments api={api} number="CL-2026-000001" version={1} />);
    await act(async () => { await Promise.resolve(); });

    expect(asked).toEqual(['/api/v1/tickets/CL-2026-000001/attachments']);
    const link = host.querySelector('a[download]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/api/v1/tickets/CL-2026-000001/attachments/7');
    expect(link.textContent).toBe('发票.pdf');
    const refused = host.querySelector('[data-state=refused]')!;
    expect(refused.querySelector('a')).toBeNull();
    expect(refused.textContent).toContain('refused: larger than 25 MB');
  });
});
