import { describe, expect, it } from 'vitest';
import { pickerMove } from '../src/ticket/AssigneePicker';

describe('assignee picker keyboard', () => {
  it('moves down and up through the options, wrapping around', () => {
    expect(pickerMove(0, 3, 'ArrowDown')).toBe(1);
    expect(pickerMove(2, 3, 'ArrowDown')).toBe(0);
    expect(pickerMove(0, 3, 'ArrowUp')).toBe(2);
    expect(pickerMove(2, 3, 'ArrowUp')).toBe(1);
    expect(pickerMove(-1, 3, 'ArrowDown')).toBe(0);
  });

  it('leaves other keys and an empty list alone', () => {
    expect(pickerMove(0, 3, 'a')).toBeNull();
    expect(pickerMove(0, 3, 'Enter')).toBeNull();
    expect(pickerMove(0, 0, 'ArrowDown')).toBeNull();
  });
});
