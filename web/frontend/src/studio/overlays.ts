// Marks for the diagram: the diff of two versions, and the monitor's heat map with SLA state.

import type { ActivityState, Diff } from './types';

export type DiffMark = 'diff-added' | 'diff-removed' | 'diff-changed';

/**
 * The markers per element for the two sides of a diff: the older version shows what was removed and
 * changed, the newer one what was added and changed.
 */
export function diffMarks(diff: Diff): { from: Map<string, DiffMark>; to: Map<string, DiffMark> } {
  const from = new Map<string, DiffMark>();
  const to = new Map<string, DiffMark>();
  for (const c of diff.removed) from.set(c.id, 'diff-removed');
  for (const c of diff.added) to.set(c.id, 'diff-added');
  for (const c of diff.changed) {
    from.set(c.id, 'diff-changed');
    to.set(c.id, 'diff-changed');
  }
  return { from, to };
}

export type SlaState = 'breached' | 'at-risk' | 'on-track' | null;

export interface Heat {
  activityId: string;
  active: number;
  /** 0 (nothing waits) to 4 (the busiest element), relative to the busiest */
  level: 0 | 1 | 2 | 3 | 4;
  sla: SlaState;
  incidents: number;
  onTrack: number;
  atRisk: number;
  breached: number;
}

/** The worst SLA state of the tickets waiting at an element. */
export function slaState(a: Pick<ActivityState, 'onTrack' | 'atRisk' | 'breached'>): SlaState {
  if (a.breached > 0) return 'breached';
  if (a.atRisk > 0) return 'at-risk';
  if (a.onTrack > 0) return 'on-track';
  return null;
}

export function heatMap(activities: ActivityState[]): Heat[] {
  const max = Math.max(0, ...activities.map((a) => a.active));
  return activities.map((a) => ({
    activityId: a.activityId,
    active: a.active,
    level: (a.active <= 0 || max === 0 ? 0 : Math.max(1, Math.ceil((a.active / max) * 4))) as Heat['level'],
    sla: slaState(a),
    incidents: a.incidents,
    onTrack: a.onTrack,
    atRisk: a.atRisk,
    breached: a.breached,
  }));
}
