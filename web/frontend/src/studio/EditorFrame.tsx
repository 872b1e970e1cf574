import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { saveDraft } from '../drafts';
import { t } from '../i18n';
import { deployDiagram, reason } from './deploy';
import { DeployDialog, type DeployRequest } from './DeployDialog';
import { serverProblems, type Drawn, type StudioProblem } from './problems';
import { ProblemList } from './ProblemList';
import type { StudioApi } from './studioApi';
import type { ProcessVersion } from './types';

/** Where an edit not yet deployed is kept in this browser's session. */
export const draftKeyOf = (fileName: string) => `studio:${fileName}`;

/**
 * A deployment from an editor (BPMN or DMN): the dialog, the server's answer, its errors. The diagram
 * and the typed comment stay whatever the answer.
 */
export function useDeployFlow(studio: StudioApi, fileName: string, onDeployed: (v: ProcessVersion[]) => void, drawn: Drawn) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [serverP, setServerP] = useState<StudioProblem[]>([]);

  /** `diagram` gives the XML to send, or why it is not sent (e.g. bpmnlint errors). */
  const run = async (r: DeployRequest, diagram: () => Promise<{ xml: string } | { refuse: string }>) => {
    setBusy(true);
    setError(null);
    try {
      const d = await diagram();
      if ('refuse' in d) {
        setError(d.refuse);
        return;
      }
      const out = await deployDiagram(studio, fileName, d.xml, r.comment, r.override);
      if (out.kind === 'deployed') {
        setOpen(false);
        setServerP([]);
        saveDraft(draftKeyOf(fileName), '');
        setNotice(t('studio.deploy.done', { versions: out.versions.map((v) => `${v.key} v${v.version}`).join(', ') }));
        onDeployed(out.versions);
      } else if (out.kind === 'refused') {
        setServerP(serverProblems(out.errors, drawn));
        setError(t('studio.deploy.refused', { n: out.errors.length }));
      } else {
        setError(out.message);
      }
    } catch (e) {
      setError(reason(e));
    } finally {
      setBusy(false);
    }
  };
  const start = () => { setOpen(true); setError(null); setNotice(null); };
  return { open, setOpen, busy, error, notice, serverP, setServerP, run, start };
}

export type DeployFlow = ReturnType<typeof useDeployFlow>;

/** The editors' frame: title and Deploy, status lines, the canvas, and beside it the dialog and the problems. */
export function EditorFrame({ testId, title, state, loadError, flow, admin, fileName, problems, onSelect, onDeploy,
  banner, side, children }: {
  testId: string;
  title: string;
  state: 'loading' | 'ready' | 'error';
  loadError: string;
  flow: DeployFlow;
  admin: boolean;
  fileName: string;
  problems: StudioProblem[];
  onSelect: (id: string) => void;
  onDeploy: (r: DeployRequest) => void;
  banner?: ComponentChildren;
  side?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <section class="studio-editor" data-testid={testId} data-state={state}>
      <div class="studio-toolbar">
        <h2>{title}</h2>
        <span class="spacer" />
        <button type="button" data-testid="deploy" disabled={state !== 'ready' || flow.open} onClick={flow.start}>
          {t('studio.deploy.open')}
        </button>
      </div>
      {state === 'loading' && <p class="loading" role="status">{t('common.loading')}</p>}
      {state === 'error' && <p class="error" role="alert" data-testid="editor-error">{t('studio.editor.loadFailed', { detail: loadError })}</p>}
      {flow.notice && <p class="notice" role="status" data-testid="editor-notice">{flow.notice}</p>}
      {banner}
      <div class="studio-workbench">
        {children}
        <aside class="studio-side">
          {flow.open && (
            <DeployDialog title={t('studio.deploy.title', { file: fileName })} busy={flow.busy} error={flow.error} admin={admin}
                          onConfirm={onDeploy} onCancel={() => flow.setOpen(false)} />
          )}
          <h3>{t('studio.problems.title', { n: problems.length })}</h3>
          <ProblemList problems={problems} onSelect={onSelect} />
          {side}
        </aside>
      </div>
    </section>
  );
}
