import DmnModeler from 'dmn-js/lib/Modeler';
import { useEffect, useRef, useState } from 'preact/hooks';
import { draft, saveDraft } from '../drafts';
import { t } from '../i18n';
import type { EditorProps } from './BpmnEditor';
import { deployDiagram, reason } from './deploy';
import { DeployDialog, type DeployRequest } from './DeployDialog';
import { serverProblems, type StudioProblem } from './problems';
import { ProblemList } from './ProblemList';

type View = { type: string; element: { id: string; name?: string } };

/** dmn-js for decision tables (and the decision requirements diagram when the file has one). */
export function DmnEditor({ studio, admin, fileName, title, load, initialErrors, onDeployed, decisionKey }: EditorProps & { decisionKey?: string }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<DmnModeler | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [loadError, setLoadError] = useState('');
  const [views, setViews] = useState<View[]>([]);
  const [active, setActive] = useState<string>('');
  const [problems, setProblems] = useState<StudioProblem[]>([]);
  const [dialog, setDialog] = useState(false);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const draftKey = `studio:${fileName}`;

  const viewIds = () => (modelerRef.current?.getViews() ?? []).map((v) => v.element.id);

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
        setProblems(serverProblems(initialErrors, (id) => viewIds().includes(id)));
        setState('ready');
        const viewer = modeler.getActiveViewer();
        viewer?.on('elements.changed', () => {
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

  const deploy = async (r: DeployRequest) => {
    const m = modelerRef.current;
    if (!m) return;
    setBusy(true);
    setDialogError(null);
    try {
      const { xml } = await m.saveXML({ format: true });
      const out = await deployDiagram(studio, fileName, xml, r.comment, r.override);
      if (out.kind === 'deployed') {
        setDialog(false);
        setProblems([]);
        saveDraft(draftKey, '');
        setNotice(t('studio.deploy.done', { versions: out.versions.map((v) => `${v.key} v${v.version}`).join(', ') }));
        onDeployed(out.versions);
      } else if (out.kind === 'refused') {
        setProblems(serverProblems(out.errors, (id) => viewIds().includes(id)));
        setDialogError(t('studio.deploy.refused', { n: out.errors.length }));
      } else {
        setDialogError(out.message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="studio-editor" data-testid="dmn-editor" data-state={state}>
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
      {notice && <p class="notice" role="status" data-testid="editor-notice">{notice}</p>}
      {views.length > 1 && (
        <nav class="studio-views">
          {views.map((v) => (
            <button type="button" key={`${v.type}:${v.element.id}`} class={v.element.id === active ? 'active' : ''}
                    onClick={() => open(v.element.id)}>
              {t(`studio.dmnView.${v.type}`)}: {v.element.name || v.element.id}
            </button>
          ))}
        </nav>
      )}
      <div class="studio-workbench">
        <div class="studio-dmn" ref={hostRef} data-testid="canvas" />
        <aside class="studio-side">
          {dialog && (
            <DeployDialog title={t('studio.deploy.title', { file: fileName })} busy={busy} error={dialogError} admin={admin}
                          onConfirm={deploy} onCancel={() => setDialog(false)} />
          )}
          <h3>{t('studio.problems.title', { n: problems.length })}</h3>
          <ProblemList problems={problems} onSelect={open} />
        </aside>
      </div>
    </section>
  );
}
