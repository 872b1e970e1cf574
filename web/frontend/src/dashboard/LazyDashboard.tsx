// The only dashboard code in the workspace's first chunk: it imports the dashboard (and ECharts)
// when a supervisor opens /reports, so an agent's first page does not carry them.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { t } from '../i18n';
import type { User } from '../model';
import type { Route } from '../router';

type Props = { api: ApiClient; user: User; go: (r: Route) => void };
let loaded: ComponentType<Props> | null = null;

export function LazyDashboard(props: Props) {
  const [Screen, setScreen] = useState<ComponentType<Props> | null>(() => loaded);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (loaded) return;
    import('./DashboardScreen')
      .then((m) => { loaded = m.default; setScreen(() => m.default); })
      .catch((e) => setFailed(String(e)));
  }, []);
  if (failed) return <p class="error" role="alert">{failed}</p>;
  return Screen ? <Screen {...props} /> : <p class="muted" role="status">{t('common.loading')}</p>;
}

type SchedulesProps = { api: ApiClient; go: (r: Route) => void };
let schedules: ComponentType<SchedulesProps> | null = null;

/** The weekly report schedules, in the dashboard's chunk too (it shares the dashboard's catalogue). */
export function LazySchedules(props: SchedulesProps) {
  const [Screen, setScreen] = useState<ComponentType<SchedulesProps> | null>(() => schedules);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (schedules) return;
    import('./SchedulesScreen')
      .then((m) => { schedules = m.default; setScreen(() => m.default); })
      .catch((e) => setFailed(String(e)));
  }, []);
  if (failed) return <p class="error" role="alert">{failed}</p>;
  return Screen ? <Screen {...props} /> : <p class="muted" role="status">{t('common.loading')}</p>;
}

/** Supervisors and admins hold report.read (engine Permission.java); the server decides. */
export function mayReadReports(user: User): boolean {
  return user.roles.some((r) => r === 'supervisor' || r === 'admin');
}
