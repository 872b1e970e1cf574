// The glue between the studio's marks and a bpmn-js canvas: markers (CSS classes on the element) and
// overlays (badges beside it). Overlays are DOM nodes built here, never HTML strings, and carry no
// inline style: their look is in studio.css.

import type { StudioProblem } from './problems';
import { problemsByElement } from './problems';
import type { Heat } from './overlays';

/** The services of a bpmn-js viewer or modeler the studio uses. */
export interface Diagram {
  get(name: string): any;
}

const marked = new WeakMap<object, { id: string; cls: string }[]>();

function remember(d: Diagram, id: string, cls: string) {
  const list = marked.get(d) ?? [];
  list.push({ id, cls });
  marked.set(d, list);
}

/** Whether the element is drawn (shape or connection), not the root process. */
export function isDrawn(d: Diagram, id: string): boolean {
  const el = d.get('elementRegistry').get(id);
  return !!el && !!el.parent;
}

export function clearMarks(d: Diagram, overlayType: string): void {
  const canvas = d.get('canvas');
  for (const m of marked.get(d) ?? []) {
    if (d.get('elementRegistry').get(m.id)) canvas.removeMarker(m.id, m.cls);
  }
  marked.set(d, []);
  d.get('overlays').remove({ type: overlayType });
}

export function mark(d: Diagram, id: string, cls: string): void {
  if (!isDrawn(d, id)) return;
  d.get('canvas').addMarker(id, cls);
  remember(d, id, cls);
}

function badge(cls: string, text: string, title: string): HTMLElement {
  const span = document.createElement('span');
  span.className = cls;
  span.textContent = text;
  span.title = title;
  return span;
}

/** Every problem at its element: a red (error) or amber (warning) outline and a count badge. */
export function showProblems(d: Diagram, problems: StudioProblem[], onClick: (id: string) => void): void {
  clearMarks(d, 'studio-problem');
  for (const [id, list] of problemsByElement(problems)) {
    if (!isDrawn(d, id)) continue;
    const worst = list[0].severity;
    mark(d, id, worst === 'error' ? 'studio-error' : 'studio-warning');
    const b = badge(`studio-problem-badge ${worst}`, String(list.length), list.map((p) => p.message).join('\n'));
    b.dataset.elementId = id;
    b.addEventListener('click', () => onClick(id));
    d.get('overlays').add(id, 'studio-problem', { position: { top: -10, right: 10 }, html: b });
  }
}

/** Selects the element and brings it into view. */
export function focusElement(d: Diagram, id: string): boolean {
  const el = d.get('elementRegistry').get(id);
  if (!el || !el.parent) return false;
  d.get('canvas').scrollToElement(el);
  d.get('selection').select(el);
  return true;
}

/** The monitor's heat map: a count of active tickets and the SLA state at each element. */
export function showHeat(d: Diagram, heat: Heat[], labels: { active: string; sla: (h: Heat) => string }): void {
  clearMarks(d, 'studio-heat');
  for (const h of heat) {
    if (!isDrawn(d, h.activityId) || (h.active === 0 && h.incidents === 0)) continue;
    mark(d, h.activityId, `heat-${h.level}`);
    if (h.sla) mark(d, h.activityId, `sla-${h.sla}`);
    const b = badge(`studio-heat-badge heat-${h.level}${h.sla ? ` sla-${h.sla}` : ''}${h.incidents ? ' incident' : ''}`,
      String(h.active), `${labels.active}: ${h.active}\n${labels.sla(h)}`);
    b.dataset.elementId = h.activityId;
    b.dataset.active = String(h.active);
    d.get('overlays').add(h.activityId, 'studio-heat', { position: { bottom: 12, left: -12 }, html: b });
  }
}

/** The name of a drawn element, or its id. */
export function elementName(d: Diagram, id: string): string {
  const el = d.get('elementRegistry').get(id);
  return el?.businessObject?.name || id;
}
