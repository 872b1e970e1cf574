// SLA countdowns: how long until a due time, and the colour it shows in.

export type Tone = 'none' | 'ok' | 'amber' | 'red' | 'paused' | 'met';

const HOUR = 3_600_000;

/**
 * red once the due time has passed; amber in the last quarter of the time allowed (measured from
 * `start`), or the last hour when the start is unknown; ok before that.
 */
export function slaTone(due: string | null, now: number, start: string | null = null,
                        paused = false, metAt: string | null = null): Tone {
  if (!due) return 'none';
  if (metAt) return 'met';
  if (paused) return 'paused';
  const dueAt = Date.parse(due);
  const left = dueAt - now;
  if (left <= 0) return 'red';
  const total = start ? dueAt - Date.parse(start) : NaN;
  const warnWithin = Number.isFinite(total) && total > 0 ? total / 4 : HOUR;
  return left <= warnWithin ? 'amber' : 'ok';
}

/** Remaining (or, negative, overdue) time as days/hours/minutes parts. */
export function remaining(due: string, now: number): { overdue: boolean; d: number; h: number; m: number } {
  const ms = Date.parse(due) - now;
  const abs = Math.abs(ms);
  const minutes = Math.floor(abs / 60_000);
  return { overdue: ms < 0, d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60), m: minutes % 60 };
}
