import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUES, code, formatDate, preferredLang, rememberLang, setLang, setTimeZone, t } from '../src/i18n';

function memoryStore() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('i18n', () => {
  afterEach(() => { setLang('en'); setTimeZone(undefined); });

  it('has every English key in Chinese, none of them empty', () => {
    const en = Object.keys(CATALOGUES.en).sort();
    expect(Object.keys(CATALOGUES['zh-CN']).sort()).toEqual(en);
    for (const k of en) expect(CATALOGUES['zh-CN'][k as keyof typeof CATALOGUES.en].trim()).not.toBe('');
  });

  it('switches language and fills placeholders', () => {
    expect(t('sla.left', { span: '2h 5m' })).toBe('2h 5m left');
    setLang('zh-CN');
    expect(t('sla.left', { span: '2小时5分' })).toBe('剩余 2小时5分');
    expect(t('queues.mine')).toBe('我的工单');
    expect(code('status', 'waiting')).toBe('等待客户');
  });

  it('shows an unknown code as itself and a missing value as a dash', () => {
    expect(code('category', 'something-new')).toBe('something-new');
    expect(code('category', null)).toBe('—');
  });

  it('remembers the language per user and falls back to the browser language', () => {
    const store = memoryStore();
    expect(preferredLang('li', store, 'zh-CN')).toBe('zh-CN');
    expect(preferredLang('li', store, 'en-GB')).toBe('en');
    rememberLang('li', 'zh-CN', store);
    expect(preferredLang('li', store, 'en-GB')).toBe('zh-CN');
    expect(preferredLang('other', store, 'en-GB')).toBe('en');
  });

  it('formats dates in the user time zone', () => {
    setTimeZone('Asia/Shanghai');
    expect(formatDate('2026-03-01T16:30:00Z')).toContain('00:30');
    setTimeZone('UTC');
    expect(formatDate('2026-03-01T16:30:00Z')).toContain('16:30');
    expect(formatDate(null)).toBe('—');
  });
});
