import DmnModeler from 'dmn-js/lib/Modeler';
import { useEffect, useRef, useState } from 'preact/hooks';
import { draft, saveDraft } from '../drafts';
import { t } from '../i18n';
import type { EditorProps } from './BpmnEditor';
import { reason } from './deploy';
import type { DeployRequest } from './DeployDialog';
import { draftKeyOf, EditorFrame, useDeployFlow } from './EditorFrame';
import { serverProblems } from './problems';

type View = { type: string; element: { id: string; name?: string } };

/** dmn-js for decision tables (and the decision requirements diagram when the file has one). */
export function DmnEditor({ studio, admin, fileName, title, load, initialErrors, onDeployed, decisionKey }: EditorProps & { decisionKey?: string }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<DmnModeler | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [loadError, setLoadError] = useState('');
  const [views, setViews] = useState<View[]>([]);
  const [active, setActive] = useState<string>('');
  const draftKey = draftKeyOf(fileName);
  /** a decision's errors "select" its view */
  const drawn = (id: string) => (modelerRef.current?.getViews() ?? []).some((v) => v.element.id === id);
  const flow = useDeployFlow(studio, fileName, onDeployed, drawn);

  useEffect(() => {
    const modeler = new DmnModeler({ container: hostRef.current!, common: {} });
    modelerRef.current = modeler;
    (window as unknown as { __studio?: unknown }).__studio = { dmnModeler: modeler };
    modeler.on('views.changed', (e: { views: View[]; activeView: View }) => {
      setViews(e.views);
      setActive(e.activeView?.element.id ?? '');
    });
    setState('loading');
    load()
      .then((xml) => modeler.importXML(draft(draftKey) || xml))
      .then(async () => {
        const table = modeler.getViews().find((v) => v.type === 'decisionTable'
          && (!decisionKey || v.element.id === decisionKey));
        if (table) await modeler.open(table);
        flow.setServerP(serverProblems(initialErrors, drawn));
        setState('ready');
        modeler.getActiveViewer()?.on('elements.changed', () => {
          modeler.saveXML().then(({ xml }) => saveDraft(draftKey, xml), () => undefined);
        });
      })
      .catch((e: unknown) => { setLoadError(reason(e)); setState('error'); });
    return () => { modelerRef.current = null; modeler.destroy(); };
  }, [fileName, title]);

  const open = (id: string) => {
    const m = modelerRef.current;
    const v = m?.getViews().find((x) => x.element.id === id && x.type === 'decisionTable')
      ?? m?.getViews().find((x) => x.element.id === id);
    if (m && v) void m.open(v);
  };

  const deploy = (r: DeployRequest) => flow.run(r, async () => ({ xml: (await modelerRef.current!.saveXML({ format: true })).xml }));

  const banner = views.length > 1 && (
    <nav class="studio-views">
      {views.map((v) => (
        <button type="button" key={`${v.type}:${v.element.id}`} class={v.element.id === active ? 'active' : ''}
                onClick={() => open(v.element.id)}>
          {t(`studio.dmnView.${v.type}`)}: {v.element.name || v.element.id}
        </button>
      ))}
    </nav>
  );
  return (
    <EditorFrame testId="dmn-editor" title={title} state={state} loadError={loadError} flow={flow} admin={admin}
                 fileName={fileName} problems={flow.serverP} onSelect={open} onDeploy={deploy} banner={banner}>
      <div class="studio-dmn" ref={hostRef} data-testid="canvas" />
    </EditorFrame>
  );
}
