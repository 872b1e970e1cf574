import { afterEach, describe, expect, it, vi } from 'vitest';

class FakeEventSource {
  static made: FakeEventSource[] = [];
  closed = false;
  constructor(readonly url: string) { FakeEventSource.made.push(this); }
  addEventListener(): void { /* no events in this test */ }
  close(): void { this.closed = true; }
}

describe('the live event stream and the back/forward cache', () => {
  afterEach(() => { vi.unstubAllGlobals(); FakeEventSource.made = []; });

  it('closes the stream when the page is hidden and opens it again when the page is shown again', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const { connectLive, disconnectLive } = await import('../src/live');
    connectLive();
    expect(FakeEventSource.made).toHaveLength(1);

    dispatchEvent(new Event('pagehide'));
    expect(FakeEventSource.made[0].closed).toBe(true);

    dispatchEvent(new Event('pageshow'));
    expect(FakeEventSource.made).toHaveLength(2);
    expect(FakeEventSource.made[1].closed).toBe(false);

    // signed out: a later pageshow does not open a stream again
    disconnectLive();
    dispatchEvent(new Event('pagehide'));
    dispatchEvent(new Event('pageshow'));
    expect(FakeEventSource.made).toHaveLength(2);
  });
});
