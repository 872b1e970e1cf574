import DOMPurify from 'dompurify';
import { code, formatDate, t } from '../i18n';
import type { TimelineEntry } from '../model';
import { DeliveryState } from './Delivery';

const LOOKS_LIKE_HTML = /<[a-z][\s\S]*>/i;

/** E-mail bodies may be HTML: sanitised, and no inline style (the CSP forbids it anyway). */
export function sanitise(html: string): string {
  return DOMPurify.sanitize(html, { FORBID_TAGS: ['style', 'form', 'input'], FORBID_ATTR: ['style'] });
}

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p class="muted">{t('timeline.empty')}</p>;
  return (
    <ol class="timeline" data-testid="timeline">
      {entries.map((e, i) => (
        <li key={i} class={`entry ${e.type} ${e.kind} ${e.direction ?? ''}`}>
          <div class="entry-head">
            <strong>{e.type === 'audit' ? code('audit', e.kind) : code('interaction', e.kind)}</strong>
            <span class="muted">{e.actor ?? t('timeline.system')} · {formatDate(e.at)}</span>
          </div>
          {e.changes && <div class="changes mono">{e.changes}</div>}
          {e.body && (LOOKS_LIKE_HTML.test(e.body)
            // eslint-disable-next-line react/no-danger
            ? <div class="body html" dangerouslySetInnerHTML={{ __html: sanitise(e.body) }} />
            : <div class="body">{e.body}</div>)}
          {e.delivery && <DeliveryState delivery={e.delivery} />}
        </li>
      ))}
    </ol>
  );
}
