// Every string the workspace shows comes from a catalogue: en and zh-CN. The language is chosen per
// user and remembered in this browser; dates show in the user's time zone.

import { en, type Messages } from './en';
import { zhCN } from './zh-CN';

export type Lang = 'en' | 'zh-CN';
export type MessageKey = keyof Messages;

export const CATALOGUES: Record<Lang, Messages> = { en, 'zh-CN': zhCN };

/** Strings of a screen loaded later (the studio's chunk brings its own, keeping the first page small). */
export function addMessages(l: Lang, messages: Record<string, string>): void {
  Object.assign(CATALOGUES[l], messages);
}
export const LANGS: Lang[] = ['zh-CN', 'en'];

let current: Lang = 'en';
let timeZone: string | undefined;

export function lang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  current = l;
  if (typeof document !== 'undefined') document.documentElement.lang = l;
}

/** The language remembered for `username`, else the browser's (Chinese or English). */
export function preferredLang(username: string | null, store: Pick<Storage, 'getItem'>, browser: string): Lang {
  const saved = username ? store.getItem(`careloop.lang.${username}`) : store.getItem('careloop.lang');
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return browser.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function rememberLang(username: string | null, l: Lang, store: Pick<Storage, 'setItem'>): void {
  store.setItem('careloop.lang', l);
  if (username) store.setItem(`careloop.lang.${username}`, l);
}

export function setTimeZone(tz: string | undefined): void {
  timeZone = tz;
}

/** The message `key` with `{name}` placeholders filled; a code without a message shows as itself. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const msg = (CATALOGUES[current] as Record<string, string>)[key] ?? (en as Record<string, string>)[key] ?? key;
  return msg.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** A code's label (category, status …): `code.<group>.<value>`, or the value itself. */
export function code(group: string, value: string | null | undefined): string {
  if (!value) return '—';
  const key = `code.${group}.${value}`;
  const msg = (CATALOGUES[current] as Record<string, string>)[key];
  return msg ?? value;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(current, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone,
  }).format(new Date(iso));
}
