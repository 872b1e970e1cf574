import { useState } from 'preact/hooks';
import { t } from '../i18n';

export interface DeployRequest {
  comment: string;
  override: boolean;
}

/**
 * Asks for the deployment's comment (required, audited). The comment typed stays while the dialog is
 * open, whatever the answer; an admin may deploy ticket-lifecycle without the adverse-event path.
 */
export function DeployDialog({ title, busy, error, admin, onConfirm, onCancel }: {
  title: string;
  busy: boolean;
  error: string | null;
  admin: boolean;
  onConfirm: (r: DeployRequest) => void;
  onCancel: () => void;
}) {
  const [comment, setComment] = useState('');
  const [override, setOverride] = useState(false);
  const [missing, setMissing] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!comment.trim()) {
      setMissing(true);
      return;
    }
    onConfirm({ comment: comment.trim(), override });
  };
  return (
    <form class="studio-dialog" data-testid="deploy-dialog" onSubmit={submit}>
      <h3>{title}</h3>
      <label>
        {t('studio.deploy.comment')}
        <textarea name="comment" data-testid="deploy-comment" rows={3} value={comment}
                  onInput={(e) => { setComment((e.target as HTMLTextAreaElement).value); setMissing(false); }} />
      </label>
      {missing && <p class="error" role="alert">{t('studio.deploy.commentRequired')}</p>}
      {admin && (
        <label class="check">
          <input type="checkbox" name="override" checked={override}
                 onChange={(e) => setOverride((e.target as HTMLInputElement).checked)} />
          {t('studio.deploy.override')}
        </label>
      )}
      {error && <p class="error" role="alert" data-testid="deploy-error">{error}</p>}
      <div class="buttons">
        <button type="submit" data-testid="deploy-confirm" disabled={busy}>
          {busy ? t('studio.deploy.busy') : t('studio.deploy.confirm')}
        </button>
        <button type="button" class="secondary" onClick={onCancel} disabled={busy}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
