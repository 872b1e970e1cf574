import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiClient, ApiError } from '../api';
import { draft, saveDraft } from '../drafts';
import { code, t } from '../i18n';
import type { Ticket } from '../model';
import { takeReplyFocus } from './focus';

interface Props {
  api: ApiClient;
  ticket: Ticket;
  canWork: boolean;
  onDone: () => void;
}

type Mode = 'reply' | 'note';

export function Composer({ api, ticket, canWork, onDone }: Props) {
  const [mode, setMode] = useState<Mode>('reply');
  const key = `${ticket.number}:${mode}`;
  const [text, setText] = useState(draft(key));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => setText(draft(key)), [key]);
  useEffect(() => {
    if (takeReplyFocus()) box.current?.focus();
  }, []);

  const edit = (v: string) => {
    setText(v);
    saveDraft(key, v);
  };

  const send = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'reply') {
        await api.post(`/api/v1/tickets/${ticket.number}/replies`, { body: text, version: ticket.version });
      } else {
        await api.post(`/api/v1/tickets/${ticket.number}/notes`, { body: text });
      }
      edit('');
      onDone();
    } catch (err) {
      // the typed text stays (in the box and in the drafts) whatever went wrong
      setError(err instanceof ApiError ? t('error.action', { detail: err.message }) : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="composer panel" onSubmit={send} data-testid="composer">
      <div class="tabs" role="tablist">
        {(['reply', 'note'] as Mode[]).map((m) => (
          <button type="button" role="tab" key={m} aria-selected={mode === m} class={mode === m ? 'tab active' : 'tab'}
                  data-testid={`mode-${m}`} onClick={() => setMode(m)}>{t(`composer.${m}`)}</button>
        ))}
      </div>
      <textarea ref={box} name="body" rows={4} value={text} data-testid="composer-text"
                placeholder={t(mode === 'reply' ? 'composer.replyHint' : 'composer.noteHint', { channel: code('channel', ticket.channel) })}
                onInput={(e) => edit((e.target as HTMLTextAreaElement).value)} />
      {error && <p class="error" role="alert" data-testid="composer-error">{error}</p>}
      <div class="row">
        {!canWork && <span class="muted">{t('perm.noWork')}</span>}
        <button type="submit" class="primary" data-testid="composer-send" disabled={busy || !canWork || !text.trim()}
                title={canWork ? undefined : t('perm.noWork')}>
          {t(mode === 'reply' ? 'composer.sendReply' : 'composer.addNote')}
        </button>
      </div>
    </form>
  );
}
