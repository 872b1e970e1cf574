import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { reason } from './deploy';

/** A read-only BPMN diagram; `ready` hands the viewer to the caller once the XML is drawn. */
export function DiagramView({ xml, testId, ready }: {
  xml: () => Promise<string>;
  testId: string;
  ready: (viewer: NavigatedViewer) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    const viewer = new NavigatedViewer({ container: ref.current! });
    let alive = true;
    setLoading(true);
    setError(null);
    xml()
      .then((x) => viewer.importXML(x))
      .then(() => {
        if (!alive) return;
        (viewer.get('canvas') as { zoom(z: string): void }).zoom('fit-viewport');
        setLoading(false);
        ready(viewer);
      })
      .catch((e: unknown) => { if (alive) { setError(reason(e)); setLoading(false); } });
    return () => { alive = false; viewer.destroy(); };
  }, [xml]);
  return (
    <div class="studio-view-wrap">
      {loading && <p class="loading" role="status">{t('common.loading')}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      <div class="studio-canvas small" ref={ref} data-testid={testId} data-loaded={loading ? 'no' : 'yes'} />
    </div>
  );
}
