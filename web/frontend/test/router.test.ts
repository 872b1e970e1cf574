import { describe, expect, it } from 'vitest';
import { parseRoute, routePath, viewQuery } from '../src/router';
import { sanitise } from '../src/ticket/Timeline';

describe('routes and views', () => {
  it('round-trips queue and ticket routes', () => {
    expect(parseRoute('/')).toEqual({ screen: 'queues', view: 'mine' });
    expect(parseRoute('/tickets/CL-2026-000001')).toEqual({ screen: 'ticket', number: 'CL-2026-000001' });
    expect(parseRoute(routePath({ screen: 'queues', view: 'queue:service-desk' }))).toEqual({ screen: 'queues', view: 'queue:service-desk' });
  });

  it('asks the list API for open tickets of each view', () => {
    expect(viewQuery('mine')).toEqual({ assignee: 'me', open: 'true' });
    expect(viewQuery('unassigned')).toEqual({ assignee: 'none', open: 'true' });
    expect(viewQuery('breached')).toEqual({ sla: 'breached', open: 'true' });
    expect(viewQuery('queue:quality')).toEqual({ queue: 'quality', open: 'true' });
  });

  it('sanitises e-mail HTML: no script, no handlers, no inline style', () => {
    const clean = sanitise('<p style="color:red" onclick="x()">Hi<script>alert(1)</script><img src=x onerror=alert(1)></p>');
    expect(clean).not.toMatch(/script|onclick|onerror|style/);
    expect(clean).toContain('Hi');
  });
});
