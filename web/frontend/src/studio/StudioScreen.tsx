// The supervisor studio (its own chunk, loaded on first visit): processes and decisions, editors,
// history and diff, migration, monitor. Styles of bpmn-js, dmn-js and the properties panel come with it.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn.css';
import './studio.css';
import './messages';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { t } from '../i18n';
import type { User } from '../model';
import { BpmnEditor } from './BpmnEditor';
import { reason } from './deploy';
import { DmnEditor } from './DmnEditor';
import { History } from './History';
import { ImportDiagram } from './ImportDiagram';
import { Migration } from './Migration';
import { Monitor } from './Monitor';
import { NewDiagram, type PendingDiagram } from './NewDiagram';
import { parseStudioPath, type StudioView } from './paths';
import { ProcessList } from './ProcessList';
import { StudioApi } from './studioApi';
import type { ProcessSummary, ProcessVersion } from './types';

export function StudioScreen({ api, user, path, go }: { api: ApiClient; user: User; path: string; go: (v: StudioView) => void }) {
  const studio = useMemo(() => new StudioApi(api), [api]);
  const view = parseStudioPath(path);
  const [items, setItems] = useState<ProcessSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingDiagram | null>(null);
  const [tick, setTick] = useState(0);
  const [flash, setFlash] = useState<string | null>(null);
  const admin = user.roles.includes('admin');

  useEffect(() => {
    studio.list().then((l) => { setItems(l); setError(null); }, (e: unknown) => setError(reason(e)));
  }, [tick]);
  useEffect(() => { if (view.view !== 'new' && view.view !== 'import') setPending(null); }, [path]);

  const refresh = () => setTick((x) => x + 1);
  /** After a deployment the list is read again; a new or imported diagram then opens as its deployed key. */
  const deployed = (versions: ProcessVersion[]) => {
    const wasPending = !!pending;
    studio.list().then((l) => {
      setItems(l);
      if (wasPending && versions[0]) {
        setFlash(t('studio.deploy.done', { versions: versions.map((v) => `${v.key} v${v.version}`).join(', ') }));
        go({ view: 'edit', key: versions[0].key });
      }
    }, (e: unknown) => setError(reason(e)));
  };
  const nav = (v: StudioView) => {
    setFlash(null);
    setPending(null);
    go(v);
  };

  const tabs = (key: string, type: string | undefined) => (
    <nav class="studio-tabs" data-testid="studio-tabs">
      {(['edit', 'history', 'migrate', 'monitor'] as const)
        .filter((tab) => type === 'process' || tab === 'edit' || tab === 'history')
        .map((tab) => (
          <a href="#" key={tab} data-tab={tab} class={view.view === tab ? 'active' : ''}
             onClick={(e) => { e.preventDefault(); nav({ view: tab, key }); }}>{t(`studio.tab.${tab}`)}</a>
        ))}
    </nav>
  );

  let body;
  if (error) {
    body = <p class="error" role="alert" data-testid="studio-error">{error}</p>;
  } else if (!items) {
    body = <p class="loading" role="status">{t('common.loading')}</p>;
  } else if (pending) {
    const Editor = pending.type === 'decision' ? DmnEditor : BpmnEditor;
    body = <Editor studio={studio} admin={admin} fileName={pending.fileName} title={pending.title}
                   load={() => Promise.resolve(pending.xml)} initialErrors={pending.errors} onDeployed={deployed} />;
  } else if (view.view === 'list') {
    body = <ProcessList items={items} open={nav} />;
  } else if (view.view === 'new') {
    body = <NewDiagram taken={items.map((i) => i.key)} create={setPending} />;
  } else if (view.view === 'import') {
    body = <ImportDiagram studio={studio} open={setPending} />;
  } else {
    const key = view.key;
    const item = items.find((i) => i.key === key);
    if (!item) {
      body = <p class="error" role="alert" data-testid="studio-error">{t('studio.unknownKey', { key })}</p>;
    } else {
      const latest = item.versions[0];
      const fileName = (latest?.resourceName ?? `${key}.${item.type === 'decision' ? 'dmn' : 'bpmn'}`).split('/').pop()!;
      const title = t('studio.editor.title', { key, version: item.latestVersion });
      body = (
        <>
          {tabs(key, item.type)}
          {view.view === 'edit' && item.type === 'process' && (
            <BpmnEditor studio={studio} admin={admin} fileName={fileName} title={title}
                        load={() => studio.xml(key)} onDeployed={deployed} />
          )}
          {view.view === 'edit' && item.type === 'decision' && (
            <DmnEditor studio={studio} admin={admin} fileName={fileName} title={title} decisionKey={key}
                       load={() => studio.xml(key)} onDeployed={deployed} />
          )}
          {view.view === 'history' && <History studio={studio} docKey={key} onChanged={refresh} />}
          {view.view === 'migrate' && <Migration studio={studio} docKey={key} onChanged={refresh} />}
          {view.view === 'monitor' && <Monitor studio={studio} docKey={key} canEdit />}
        </>
      );
    }
  }

  return (
    <div class="studio" data-testid="studio">
      <nav class="studio-nav">
        <a href="#" data-nav="list" class={view.view === 'list' ? 'active' : ''}
           onClick={(e) => { e.preventDefault(); nav({ view: 'list' }); }}>{t('studio.nav.list')}</a>
        <a href="#" data-nav="new" class={view.view === 'new' ? 'active' : ''}
           onClick={(e) => { e.preventDefault(); nav({ view: 'new' }); }}>{t('studio.nav.new')}</a>
        <a href="#" data-nav="import" class={view.view === 'import' ? 'active' : ''}
           onClick={(e) => { e.preventDefault(); nav({ view: 'import' }); }}>{t('studio.nav.import')}</a>
      </nav>
      {flash && <p class="notice" role="status" data-testid="studio-flash">{flash}</p>}
      {body}
    </div>
  );
}
