import { describe, expect, it } from 'vitest';
import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import { lint } from '../src/studio/lint';
import { blocksDeploy, lintProblems } from '../src/studio/problems';
import { templateXml } from '../src/studio/templates';
import adverseEventCase from '../../../processes/src/main/resources/adverse-event-case.bpmn?raw';
import feedbackLoop from '../../../processes/src/main/resources/feedback-loop.bpmn?raw';
import qualityComplaint from '../../../processes/src/main/resources/quality-complaint.bpmn?raw';
import ticketLifecycle from '../../../processes/src/main/resources/ticket-lifecycle.bpmn?raw';

async function definitions(xml: string) {
  const { rootElement } = await BpmnModdle({ camunda }).fromXML(xml);
  return rootElement;
}


describe('studio: bpmnlint in the browser', () => {
  it('passes the bundled processes without an error', async () => {
    const bundled = { ticketLifecycle, feedbackLoop, qualityComplaint, adverseEventCase };
    for (const [name, xml] of Object.entries(bundled)) {
      expect(xml).toContain('<bpmn:process');
      const problems = lintProblems(await lint(await definitions(xml)), () => true);
      expect(problems.filter((p) => p.severity === 'error'), name).toEqual([]);
    }
  });

  it('reports a disconnected task at its id, which stops the deployment', async () => {
    const xml = templateXml('user-task-flow', 'k', 'K').replace(
      '</bpmn:process>', '<bpmn:userTask id="lonely" name="Lonely" camunda:candidateGroups="quality" /></bpmn:process>');
    const problems = lintProblems(await lint(await definitions(xml)), (id) => id === 'lonely');
    const lonely = problems.filter((p) => p.elementId === 'lonely' && p.severity === 'error');
    expect(lonely.map((p) => p.code)).toContain('no-disconnected');
    expect(lonely[0].onDiagram).toBe(true);
    expect(blocksDeploy(problems)).toBe(true);
  });

  it('passes the user-task template', async () => {
    const problems = lintProblems(await lint(await definitions(templateXml('user-task-flow', 'k', 'K'))), () => true);
    expect(problems).toEqual([]);
  });
});
