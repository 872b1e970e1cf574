import { describe, expect, it } from 'vitest';
import { keyAction, move } from '../src/keys';

describe('queue keyboard', () => {
  it('maps j, k, Enter, c and r', () => {
    expect(keyAction({ key: 'j' })).toBe('next');
    expect(keyAction({ key: 'k' })).toBe('prev');
    expect(keyAction({ key: 'Enter' })).toBe('open');
    expect(keyAction({ key: 'c' })).toBe('claim');
    expect(keyAction({ key: 'r' })).toBe('reply');
    expect(keyAction({ key: 'x' })).toBeNull();
  });

  it('leaves keys typed into a field or with a modifier alone', () => {
    expect(keyAction({ key: 'j', target: document.createElement('input') })).toBeNull();
    expect(keyAction({ key: 'c', target: document.createElement('textarea') })).toBeNull();
    expect(keyAction({ key: 'r', target: document.createElement('select') })).toBeNull();
    expect(keyAction({ key: 'c', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 'j', target: document.createElement('div') })).toBe('next');
  });

  it('moves the selection within the list', () => {
    expect(move(0, 3, 'next')).toBe(1);
    expect(move(2, 3, 'next')).toBe(2);
    expect(move(0, 3, 'prev')).toBe(0);
    expect(move(0, 0, 'next')).toBe(-1);
  });
});
