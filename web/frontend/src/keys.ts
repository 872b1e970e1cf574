// The queue screen's keyboard: j/k move, Enter opens, c claims, r replies. Keys typed into a field
// are the field's.

export type KeyAction = 'next' | 'prev' | 'open' | 'claim' | 'reply';

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}

const ACTIONS: Record<string, KeyAction> = { j: 'next', k: 'prev', Enter: 'open', c: 'claim', r: 'reply' };

export function keyAction(e: KeyLike): KeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (isTyping(e.target)) return null;
  return ACTIONS[e.key] ?? null;
}

function isTyping(target: EventTarget | null | undefined): boolean {
  const el = target as HTMLElement | null | undefined;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || el.isContentEditable === true;
}

/** The row selected after `action` from `index` in a list of `size` rows. */
export function move(index: number, size: number, action: KeyAction): number {
  if (size === 0) return -1;
  if (action === 'next') return Math.min(index + 1, size - 1);
  if (action === 'prev') return Math.max(index - 1, 0);
  return index;
}
