import { describe, expect, it } from 'vitest';
import { blocksDeploy, lintProblems, problemsByElement, serverProblems, sortProblems } from '../src/studio/problems';
import { diffMarks, heatMap, slaState } from '../src/studio/overlays';
import { keyProblem, templateFileName, templateXml, TEMPLATES } from '../src/studio/templates';

const drawn = (id: string) => ['check-reply', 'handle'].includes(id);

describe('studio: problems at their elements', () => {
  const errors = [
    { file: 'ticket-lifecycle.bpmn', elementId: 'check-reply', code: 'unknown-queue', message: "candidate group 'nobody' is not a queue" },
    { file: 'ticket-lifecycle.bpmn', elementId: 'ticket-lifecycle', code: 'history-time-to-live-missing', message: 'no TTL' },
    { file: 'ticket-lifecycle.bpmn', elementId: null, code: 'xml-doctype', message: 'no DOCTYPE' },
    { nonsense: true },
  ];

  it('places each server error at its drawn element and keeps the others in the list', () => {
    const problems = serverProblems(errors, drawn);
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => [p.elementId, p.onDiagram])).toEqual([
      ['check-reply', true], ['ticket-lifecycle', false], [null, false]]);
    const at = problemsByElement(problems);
    expect([...at.keys()]).toEqual(['check-reply']);
    expect(at.get('check-reply')![0].message).toContain('nobody');
  });

  it('turns bpmnlint reports into problems; only lint errors stop a deployment', () => {
    const lint = lintProblems({
      'label-required': [{ id: 'handle', message: 'Element is missing label/name', category: 'warn' }],
      'no-disconnected': [{ id: 'check-reply', message: 'Element is not connected', category: 'error' }],
    }, drawn);
    expect(lint.map((p) => [p.code, p.severity, p.onDiagram])).toEqual([
      ['label-required', 'warning', true], ['no-disconnected', 'error', true]]);
    expect(blocksDeploy(lint)).toBe(true);
    expect(blocksDeploy(lint.filter((p) => p.severity === 'warning'))).toBe(false);
    expect(blocksDeploy(serverProblems(errors, drawn))).toBe(false);
  });

  it('lists errors before warnings and the server before the linter', () => {
    const all = [
      ...lintProblems({ 'label-required': [{ id: 'handle', message: 'w', category: 'warn' }],
        'no-disconnected': [{ id: 'handle', message: 'e', category: 'error' }] }, drawn),
      ...serverProblems(errors.slice(0, 1), drawn),
    ];
    expect(sortProblems(all).map((p) => `${p.source}:${p.severity}`)).toEqual(['server:error', 'lint:error', 'lint:warning']);
    expect(problemsByElement(all).get('handle')!.map((p) => p.severity)).toEqual(['error', 'warning']);
  });
});

describe('studio: templates', () => {
  const parse = (xml: string) => new DOMParser().parseFromString(xml, 'application/xml');

  it('makes well-formed diagrams with the history time to live and the key as id', () => {
    for (const id of TEMPLATES) {
      const doc = parse(templateXml(id, 'refund-check', 'Refund <check> & "more"'));
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
      const root = id === 'decision-table' ? doc.getElementsByTagName('decision')[0] : doc.getElementsByTagName('bpmn:process')[0];
      expect(root.getAttribute('id')).toBe('refund-check');
      expect(root.getAttribute('name')).toBe('Refund <check> & "more"');
      expect(root.getAttribute('camunda:historyTimeToLive')).toBe('P180D');
    }
  });

  it('gives the user task of the flow a queue as candidate group, and names the file by type', () => {
    const doc = parse(templateXml('user-task-flow', 'k', 'K', 'quality'));
    expect(doc.getElementsByTagName('bpmn:userTask')[0].getAttribute('camunda:candidateGroups')).toBe('quality');
    expect(doc.getElementsByTagName('bpmndi:BPMNShape')).toHaveLength(3);
    expect(templateFileName('decision-table', 'k')).toBe('k.dmn');
    expect(templateFileName('blank-process', 'k')).toBe('k.bpmn');
  });

  it('refuses keys that cannot be an id or already exist', () => {
    expect(keyProblem('', [])).toBe('key.required');
    expect(keyProblem('1abc', [])).toBe('key.invalid');
    expect(keyProblem('a b', [])).toBe('key.invalid');
    expect(keyProblem('ticket-lifecycle', ['ticket-lifecycle'])).toBe('key.taken');
    expect(keyProblem('refund_check-2', ['ticket-lifecycle'])).toBeNull();
  });
});

describe('studio: diff and monitor marks', () => {
  it('marks removed on the old side, added on the new side, changed on both', () => {
    const { from, to } = diffMarks({
      added: [{ id: 'check-reply', type: 'userTask', name: 'Check' }],
      removed: [{ id: 'old-task', type: 'userTask', name: null }],
      changed: [{ id: 'handle', type: 'userTask', name: 'Handle' }],
    });
    expect(Object.fromEntries(from)).toEqual({ 'old-task': 'diff-removed', handle: 'diff-changed' });
    expect(Object.fromEntries(to)).toEqual({ 'check-reply': 'diff-added', handle: 'diff-changed' });
  });

  it('scales the heat to the busiest element and takes the worst SLA state', () => {
    const heat = heatMap([
      { activityId: 'handle', active: 8, incidents: 0, onTrack: 6, atRisk: 1, breached: 1 },
      { activityId: 'pv-review', active: 1, incidents: 1, onTrack: 1, atRisk: 0, breached: 0 },
      { activityId: 'idle', active: 0, incidents: 0, onTrack: 0, atRisk: 0, breached: 0 },
    ]);
    expect(heat.map((h) => [h.activityId, h.level, h.sla])).toEqual([
      ['handle', 4, 'breached'], ['pv-review', 1, 'on-track'], ['idle', 0, null]]);
    expect(slaState({ onTrack: 3, atRisk: 2, breached: 0 })).toBe('at-risk');
  });
});
