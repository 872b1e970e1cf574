import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import { useEffect, useRef, useState } from 'preact/hooks';
import { draft, saveDraft } from '../drafts';
import { t } from '../i18n';
import { focusElement, isDrawn, showProblems } from './canvas';
import { deployDiagram, reason } from './deploy';
import { DeployDialog, type DeployRequest } from './DeployDialog';
import { lint } from './lint';
import { blocksDeploy, lintProblems, serverProblems, type StudioProblem } from './problems';
import { ProblemList } from './ProblemList';
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

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** The BPMN modeler with Camunda 7 properties, bpmnlint as you draw, and deployment with a comment. */
export function BpmnEditor({ studio, admin, fileName, title, load, initialErrors, onDeployed }: EditorProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<BpmnModeler | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [loadError, setLoadError] = useState('');
  const [lintP, setLintP] = useState<StudioProblem[]>([]);
  const [serverP, setServerP] = useState<StudioProblem[]>([]);
  const [dialog, setDialog] = useState(false);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [draftOffer, setDraftOffer] = useState<string | null>(null);
  const draftKey = `studio:${fileName}`;

  const drawn = (id: string) => !!modelerRef.current && isDrawn(modelerRef.current, id);
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
        setServerP(serverProblems(initialErrors, drawn));
        setState('ready');
        void relint();
        const kept = draft(draftKey);
        setDraftOffer(kept || null);
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
    if (m && state === 'ready') showProblems(m, [...serverP, ...lintP], select);
  }, [serverP, lintP, state]);

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

  const deploy = async (r: DeployRequest) => {
    const m = modelerRef.current;
    if (!m) return;
    setBusy(true);
    setDialogError(null);
    try {
      const found = await relint();
      if (blocksDeploy(found)) {
        setDialogError(t('studio.deploy.lintBlocks', { n: found.filter((p) => p.severity === 'error').length }));
        return;
      }
      const { xml } = await m.saveXML({ format: true });
      const out = await deployDiagram(studio, fileName, xml!, r.comment, r.override);
      if (out.kind === 'deployed') {
        setDialog(false);
        setServerP([]);
        saveDraft(draftKey, '');
        setNotice({ kind: 'ok', text: t('studio.deploy.done', { versions: out.versions.map((v) => `${v.key} v${v.version}`).join(', ') }) });
        onDeployed(out.versions);
      } else if (out.kind === 'refused') {
        setServerP(serverProblems(out.errors, drawn));
        setDialogError(t('studio.deploy.refused', { n: out.errors.length }));
      } else {
        setDialogError(out.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const problems = [...serverP, ...lintP];
  return (
    <section class="studio-editor" data-testid="bpmn-editor" data-state={state}>
      <div class="studio-toolbar">
        <h2>{title}</h2>
        <span class="spacer" />
        <button type="button" data-testid="deploy" disabled={state !== 'ready' || dialog}
                onClick={() => { setDialog(true); setDialogError(null); setNotice(null); }}>
          {t('studio.deploy.open')}
        </button>
      </div>
      {state === 'loading' && <p class="loading" role="status">{t('common.loading')}</p>}
      {state === 'error' && <p class="error" role="alert" data-testid="editor-error">{t('studio.editor.loadFailed', { detail: loadError })}</p>}
      {notice && <p class={notice.kind === 'ok' ? 'notice' : 'error'} role="status" data-testid="editor-notice">{notice.text}</p>}
      {draftOffer && (
        <p class="notice" data-testid="draft-offer">
          {t('studio.editor.draftKept')}{' '}
          <button type="button" class="link" onClick={restoreDraft}>{t('studio.editor.restore')}</button>{' '}
          <button type="button" class="link" onClick={() => { saveDraft(draftKey, ''); setDraftOffer(null); }}>{t('studio.editor.discard')}</button>
        </p>
      )}
      <div class="studio-workbench">
        <div class="studio-canvas" ref={canvasRef} data-testid="canvas" />
        <aside class="studio-side">
          {dialog && (
            <DeployDialog title={t('studio.deploy.title', { file: fileName })} busy={busy} error={dialogError} admin={admin}
                          onConfirm={deploy} onCancel={() => setDialog(false)} />
          )}
          <h3>{t('studio.problems.title', { n: problems.length })}</h3>
          <ProblemList problems={problems} onSelect={select} />
          <div class="studio-properties" ref={panelRef} />
        </aside>
      </div>
    </section>
  );
}
