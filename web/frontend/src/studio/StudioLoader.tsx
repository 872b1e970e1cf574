// The studio's door in the main bundle: it checks the role and loads the studio's chunk (bpmn-js,
// dmn-js, the properties panel) only when a supervisor opens it, so the agent workspace stays light.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { t } from '../i18n';
import type { User } from '../model';
import type { StudioView } from './paths';

type Props = { api: ApiClient; user: User; path: string; go: (v: StudioView) => void };

/** Supervisors and admins deploy (process.edit); the studio is not shown to other roles. */
export function canUseStudio(user: Pick<User, 'roles'>): boolean {
  return user.roles.includes('supervisor') || user.roles.includes('admin');
}

export function StudioLoader(props: Props) {
  const [Screen, setScreen] = useState<ComponentType<Props> | null>(null);
  const [failed, setFailed] = useState(false);
  const allowed = canUseStudio(props.user);
  useEffect(() => {
    if (!allowed) return;
    import('./StudioScreen').then((m) => setScreen(() => m.StudioScreen), () => setFailed(true));
  }, [allowed]);
  if (!allowed) return <p class="error" role="alert" data-testid="studio-denied">{t('studio.denied')}</p>;
  if (failed) return <p class="error" role="alert" data-testid="studio-error">{t('studio.loadFailed')}</p>;
  if (!Screen) return <p class="loading" role="status">{t('common.loading')}</p>;
  return <Screen {...props} />;
}
