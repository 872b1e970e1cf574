// Packages of the studio that ship no TypeScript declarations.
declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config?: unknown; resolver: unknown });
    lint(definitions: unknown): Promise<unknown>;
  }
}
declare module 'bpmnlint/lib/resolver/static-resolver' {
  export default class StaticResolver {
    constructor(cache: Record<string, unknown>);
  }
}
declare module 'bpmnlint/rules/*' {
  const rule: unknown;
  export default rule;
}
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: any;
  export const BpmnPropertiesProviderModule: any;
  export const CamundaPlatformPropertiesProviderModule: any;
}
declare module 'camunda-bpmn-moddle/resources/camunda.json' {
  const descriptor: Record<string, unknown>;
  export default descriptor;
}
declare module 'dmn-js/lib/Modeler' {
  export default class DmnModeler {
    constructor(options: Record<string, unknown>);
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getViews(): { type: string; element: { id: string; name?: string } }[];
    getActiveView(): { type: string; element: { id: string } } | undefined;
    open(view: unknown): Promise<unknown>;
    getActiveViewer(): { get(name: string): any; on(event: string, cb: () => void): void } | undefined;
    on(event: string, cb: (e: any) => void): void;
    destroy(): void;
  }
}
declare module 'bpmn-moddle' {
  export function BpmnModdle(packages?: Record<string, unknown>): {
    fromXML(xml: string): Promise<{ rootElement: unknown; warnings: unknown[] }>;
  };
}
