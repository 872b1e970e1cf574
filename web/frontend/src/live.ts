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

export function disconnectLive(): void {
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
