// New diagrams from a template. Every executable process and decision carries camunda:historyTimeToLive
// (the server refuses one without: retention, docs/security.md); user tasks name a queue as candidate group.

export type TemplateId = 'blank-process' | 'user-task-flow' | 'decision-table';

export const TEMPLATES: TemplateId[] = ['blank-process', 'user-task-flow', 'decision-table'];

/** Days the engine keeps the history of a finished instance or evaluation (ISO-8601, as the bundled diagrams). */
export const DEFAULT_HISTORY_TTL = 'P180D';

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

/** Why a key cannot be used (null when it can): it becomes the BPMN/DMN id and the file name. */
export function keyProblem(key: string, taken: string[]): 'key.required' | 'key.invalid' | 'key.taken' | null {
  if (!key.trim()) return 'key.required';
  if (!KEY.test(key)) return 'key.invalid';
  return taken.includes(key) ? 'key.taken' : null;
}

export function templateType(id: TemplateId): 'process' | 'decision' {
  return id === 'decision-table' ? 'decision' : 'process';
}

/** The file name the server stores the diagram under. */
export function templateFileName(id: TemplateId, key: string): string {
  return `${key}${templateType(id) === 'decision' ? '.dmn' : '.bpmn'}`;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function templateXml(id: TemplateId, key: string, name: string, queue = 'service-desk'): string {
  const n = escapeXml(name || key);
  switch (id) {
    case 'blank-process': return blankProcess(key, n);
    case 'user-task-flow': return userTaskFlow(key, n, escapeXml(queue));
    case 'decision-table': return decisionTable(key, n);
  }
}

const BPMN_HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                  xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"`;

function blankProcess(key: string, name: string): string {
  return `${BPMN_HEAD}
                  id="${key}-definitions" targetNamespace="https://careloop.io/bpmn/${key}">
  <bpmn:process id="${key}" name="${name}" isExecutable="true" camunda:historyTimeToLive="${DEFAULT_HISTORY_TTL}">
    <bpmn:startEvent id="${key}-start" name="Start" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="${key}-diagram">
    <bpmndi:BPMNPlane id="${key}-plane" bpmnElement="${key}">
      <bpmndi:BPMNShape id="${key}-start-shape" bpmnElement="${key}-start">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

function userTaskFlow(key: string, name: string, queue: string): string {
  return `${BPMN_HEAD}
                  id="${key}-definitions" targetNamespace="https://careloop.io/bpmn/${key}">
  <bpmn:process id="${key}" name="${name}" isExecutable="true" camunda:historyTimeToLive="${DEFAULT_HISTORY_TTL}">
    <bpmn:startEvent id="${key}-start" name="Start">
      <bpmn:outgoing>${key}-flow-1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="${key}-flow-1" sourceRef="${key}-start" targetRef="${key}-task" />
    <bpmn:userTask id="${key}-task" name="Handle" camunda:candidateGroups="${queue}">
      <bpmn:incoming>${key}-flow-1</bpmn:incoming>
      <bpmn:outgoing>${key}-flow-2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="${key}-flow-2" sourceRef="${key}-task" targetRef="${key}-end" />
    <bpmn:endEvent id="${key}-end" name="Done">
      <bpmn:incoming>${key}-flow-2</bpmn:incoming>
    </bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="${key}-diagram">
    <bpmndi:BPMNPlane id="${key}-plane" bpmnElement="${key}">
      <bpmndi:BPMNShape id="${key}-start-shape" bpmnElement="${key}-start">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${key}-task-shape" bpmnElement="${key}-task">
        <dc:Bounds x="270" y="138" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${key}-end-shape" bpmnElement="${key}-end">
        <dc:Bounds x="432" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="${key}-flow-1-edge" bpmnElement="${key}-flow-1">
        <di:waypoint x="216" y="178" />
        <di:waypoint x="270" y="178" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="${key}-flow-2-edge" bpmnElement="${key}-flow-2">
        <di:waypoint x="370" y="178" />
        <di:waypoint x="432" y="178" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

function decisionTable(key: string, name: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
             xmlns:camunda="http://camunda.org/schema/1.0/dmn"
             id="${key}-definitions" name="${name}" namespace="https://careloop.io/dmn/${key}">
  <decision id="${key}" name="${name}" camunda:historyTimeToLive="${DEFAULT_HISTORY_TTL}">
    <decisionTable id="${key}-table" hitPolicy="FIRST">
      <input id="${key}-input-1" label="Category">
        <inputExpression id="${key}-input-1-expression" typeRef="string">
          <text>category</text>
        </inputExpression>
      </input>
      <output id="${key}-output-1" label="Queue" name="queue" typeRef="string" />
      <rule id="${key}-rule-1">
        <inputEntry id="${key}-rule-1-input-1"><text>-</text></inputEntry>
        <outputEntry id="${key}-rule-1-output-1"><text>"service-desk"</text></outputEntry>
      </rule>
    </decisionTable>
  </decision>
</definitions>
`;
}
