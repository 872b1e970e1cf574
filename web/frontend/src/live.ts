// The server's event stream: ticket numbers that changed and who views a ticket. Screens subscribe
// and refetch what they show.

export type LiveEvent =
  | { kind: 'ticket'; number: string; type: string; actor: string }
  | { kind: 'presence'; number: string; viewers: string[] };

type Listener = (e: LiveEvent) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;

export function connectLive(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/v1/events');
  source.addEventListener('ticket', (m) => emit({ kind: 'ticket', ...JSON.parse((m as MessageEvent).data) }));
  source.addEventListener('presence', (m) => emit({ kind: 'presence', ...JSON.parse((m as MessageEvent).data) }));
  source.addEventListener('ready', () => document.body.setAttribute('data-live', 'ready'));
}

// A page the browser keeps in its back/forward cache must not hold its event stream open: each such
// page kept one of the six HTTP/1.1 connections the browser allows per server, and after a few full
// navigations (address bar, links from elsewhere) the next page's requests queued forever behind
// them ("Loading…"). The stream closes when the page is hidden and opens again if it is shown again.
let resumeOnShow = false;
if (typeof addEventListener !== 'undefined') {
  addEventListener('pagehide', () => {
    if (!source) return;
    source.close();
    source = null;
    resumeOnShow = true;
  });
  addEventListener('pageshow', () => {
    if (!resumeOnShow) return;
    resumeOnShow = false;
    connectLive();
  });
}

export function disconnectLive(): void {
  resumeOnShow = false;
  source?.close();
  source = null;
  document.body.removeAttribute('data-live');
}

export function onLive(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

function emit(e: LiveEvent): void {
  listeners.forEach((l) => l(e));
}
