import { useEffect, useState } from 'preact/hooks';
import { ApiClient, ApiError } from '../api';
import { formatDate, t } from '../i18n';
import type { Attachment } from '../model';

/** 1,234 bytes as "1.2 KB"; units of 1024. */
export function sizeLabel(bytes: number | null): string {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

interface Props {
  api: ApiClient;
  number: string;
  /** changes when the ticket was reloaded (a live change may have brought files) */
  version: number;
}

/**
 * The files that came with the ticket's messages. A stored file is a download link (the server
 * sends it as an attachment, never inline, and audits the read); a refused one says why.
 */
export function Attachments({ api, number, version }: Props) {
  const [items, setItems] = useState<Attachment[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.get<{ items: Attachment[] }>(`/api/v1/tickets/${encodeURIComponent(number)}/attachments`)
      .then((r) => { setItems(r.items); setError(null); })
      .catch((e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [number, version]);

  if (error) return <p class="error" data-testid="attachments-error">{t('attachments.error', { detail: error })}</p>;
  if (!items || items.length === 0) return null;
  return (
    <section class="attachments panel" data-testid="attachments">
      <h3>{t('attachments.title')}</h3>
      <ul>
        {items.map((a) => (
          <li key={a.id} class={`attachment ${a.state}`} data-testid="attachment" data-state={a.state}>
            {a.href
              ? <a href={a.href} download={a.fileName} title={t('attachments.download', { name: a.fileName })}>{a.fileName}</a>
              : <span class="name">{a.fileName}</span>}
            <span class="muted"> {[a.contentType, sizeLabel(a.size), formatDate(a.createdAt)].filter(Boolean).join(' · ')}</span>
            {a.state === 'refused' && <span class="why"> — {t('attachments.refused', { reason: a.reason ?? '—' })}</span>}
            {a.state === 'erased' && <span class="why"> — {t('attachments.erased')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
