// What is wrong with a diagram, from two sources: bpmnlint in the browser and the server's validation
// (422 or the import check). Each problem is placed at its element when the diagram shows it; the rest
// (a whole file, an element not drawn) stays in the list only.

import type { DiagramError } from './types';

export interface StudioProblem {
  source: 'lint' | 'server';
  severity: 'error' | 'warning';
  code: string;
  message: string;
  elementId: string | null;
  /** the element is drawn on the diagram: the problem gets a marker there and the list item selects it */
  onDiagram: boolean;
  file: string | null;
}

/** bpmnlint's results: rule name → reports. */
export type LintResults = Record<string, { id?: string; message: string; category: string }[]>;

/** Whether an element id is drawn on the diagram (not the root process / definitions). */
export type Drawn = (elementId: string) => boolean;

function isDiagramError(e: unknown): e is DiagramError {
  return typeof e === 'object' && e !== null && typeof (e as DiagramError).message === 'string'
    && typeof (e as DiagramError).code === 'string';
}

/** The server's errors (problem.errors of a 422, or the import check's errors). */
export function serverProblems(errors: unknown[] | null | undefined, drawn: Drawn): StudioProblem[] {
  return (errors ?? []).filter(isDiagramError).map((e) => ({
    source: 'server' as const,
    severity: 'error' as const,
    code: e.code,
    message: e.message,
    elementId: e.elementId || null,
    onDiagram: !!e.elementId && drawn(e.elementId),
    file: e.file ?? null,
  }));
}

export function lintProblems(results: LintResults, drawn: Drawn): StudioProblem[] {
  const out: StudioProblem[] = [];
  for (const [rule, reports] of Object.entries(results)) {
    for (const r of reports) {
      if (r.category === 'off') continue;
      const id = r.id ?? null;
      out.push({
        source: 'lint',
        severity: r.category === 'error' || r.category === 'rule-error' ? 'error' : 'warning',
        code: rule,
        message: r.message,
        elementId: id,
        onDiagram: !!id && drawn(id),
        file: null,
      });
    }
  }
  return out;
}

/** Errors first, then warnings; within each, the server's before the linter's, in their order. */
export function sortProblems(problems: StudioProblem[]): StudioProblem[] {
  const rank = (p: StudioProblem) => (p.severity === 'error' ? 0 : 2) + (p.source === 'server' ? 0 : 1);
  return problems.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map((x) => x.p);
}

/** The problems to mark on each drawn element, with the worst severity first. */
export function problemsByElement(problems: StudioProblem[]): Map<string, StudioProblem[]> {
  const map = new Map<string, StudioProblem[]>();
  for (const p of sortProblems(problems)) {
    if (!p.onDiagram || !p.elementId) continue;
    const list = map.get(p.elementId) ?? [];
    list.push(p);
    map.set(p.elementId, list);
  }
  return map;
}

/** Lint errors stop a deployment before it is sent; warnings do not. */
export function blocksDeploy(problems: StudioProblem[]): boolean {
  return problems.some((p) => p.source === 'lint' && p.severity === 'error');
}
