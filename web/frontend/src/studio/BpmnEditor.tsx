import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import { useEffect, useRef, useState } from 'preact/hooks';
import { draft, saveDraft } from '../drafts';
import { t } from '../i18n';
import { focusElement, isDrawn, showProblems } from './canvas';
import { reason } from './deploy';
import type { DeployRequest } from './DeployDialog';
import { draftKeyOf, EditorFrame, useDeployFlow } from './EditorFrame';
import { lint } from './lint';
import { blocksDeploy, lintProblems, serverProblems, type StudioProblem } from './problems';
import type { StudioApi } from './studioApi';
import type { ProcessVersion } from './types';

export interface EditorProps {
  studio: StudioApi;
  admin: boolean;
  /** the file name the server stores the diagram under (its errors name it) */
  fileName: string;
  /** a heading: the key and the version opened, or the template / file */
  title: string;
  load: () => Promise<string>;
  /** errors already known (the import check) */
  initialErrors?: unknown[];
  onDeployed: (versions: ProcessVersion[]) => void;
}

/** The BPMN modeler with Camunda 7 properties, bpmnlint as you draw, and deployment with a comment. */
export function BpmnEditor({ studio, admin, fileName, title, load, initialErrors, onDeployed }: EditorProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<BpmnModeler | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [loadError, setLoadError] = useState('');
  const [lintP, setLintP] = useState<StudioProblem[]>([]);
  const [draftOffer, setDraftOffer] = useState<string | null>(null);
  const draftKey = draftKeyOf(fileName);
  const drawn = (id: string) => !!modelerRef.current && isDrawn(modelerRef.current, id);
  const flow = useDeployFlow(studio, fileName, onDeployed, drawn);

  const relint = async () => {
    const m = modelerRef.current;
    const defs = m?.getDefinitions();
    if (!m || !defs) return [];
    const found = lintProblems(await lint(defs), drawn);
    if (modelerRef.current === m) setLintP(found);
    return found;
  };

  useEffect(() => {
    const modeler = new BpmnModeler({
      container: canvasRef.current!,
      propertiesPanel: { parent: panelRef.current! },
      additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule],
      moddleExtensions: { camunda },
    });
    modelerRef.current = modeler;
    (window as unknown as { __studio?: unknown }).__studio = { modeler };
    let timer: ReturnType<typeof setTimeout> | undefined;
    modeler.on('commandStack.changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void relint();
        modeler.saveXML().then(({ xml }) => xml && saveDraft(draftKey, xml), () => undefined);
      }, 300);
    });
    setState('loading');
    load()
      .then((xml) => modeler.importXML(xml))
      .then(() => {
        if (modelerRef.current !== modeler) return;
        (modeler.get('canvas') as { zoom(z: string): void }).zoom('fit-viewport');
        flow.setServerP(serverProblems(initialErrors, drawn));
        setState('ready');
        void relint();
        setDraftOffer(draft(draftKey) || null);
      })
      .catch((e: unknown) => {
        setLoadError(reason(e));
        setState('error');
      });
    return () => {
      clearTimeout(timer);
      modelerRef.current = null;
      modeler.destroy();
    };
  }, [fileName, title]);

  useEffect(() => {
    const m = modelerRef.current;
    if (m && state === 'ready') showProblems(m, [...flow.serverP, ...lintP], select);
  }, [flow.serverP, lintP, state]);

  const select = (id: string) => {
    if (modelerRef.current) focusElement(modelerRef.current, id);
  };

  const restoreDraft = async () => {
    const m = modelerRef.current;
    if (!m || !draftOffer) return;
    await m.importXML(draftOffer);
    setDraftOffer(null);
    void relint();
  };

  /** bpmnlint errors stop the deployment before anything is sent. */
  const deploy = (r: DeployRequest) => flow.run(r, async () => {
    const m = modelerRef.current!;
    const found = await relint();
    if (blocksDeploy(found)) {
      return { refuse: t('studio.deploy.lintBlocks', { n: found.filter((p) => p.severity === 'error').length }) };
    }
    return { xml: (await m.saveXML({ format: true })).xml! };
  });

  const banner = draftOffer && (
    <p class="notice" data-testid="draft-offer">
      {t('studio.editor.draftKept')}{' '}
      <button type="button" class="link" onClick={restoreDraft}>{t('studio.editor.restore')}</button>{' '}
      <button type="button" class="link" onClick={() => { saveDraft(draftKey, ''); setDraftOffer(null); }}>{t('studio.editor.discard')}</button>
    </p>
  );
  return (
    <EditorFrame testId="bpmn-editor" title={title} state={state} loadError={loadError} flow={flow} admin={admin}
                 fileName={fileName} problems={[...flow.serverP, ...lintP]} onSelect={select} onDeploy={deploy}
                 banner={banner} side={<div class="studio-properties" ref={panelRef} />}>
      <div class="studio-canvas" ref={canvasRef} data-testid="canvas" />
    </EditorFrame>
  );
}
