import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiClient, ApiError } from './api';
import { LANGS, lang, preferredLang, rememberLang, setLang, t, type Lang } from './i18n';
import { LazyDashboard, LazySchedules, mayReadReports } from './dashboard/LazyDashboard';
import { connectLive, disconnectLive } from './live';
import { LoginScreen } from './login/LoginScreen';
import type { User } from './model';
import { QueuesScreen } from './queues/QueuesScreen';
import { parseRoute, routePath, type Route } from './router';
import { TicketScreen } from './ticket/TicketScreen';
import { canUseStudio, StudioLoader } from './studio/StudioLoader';
import { studioPath } from './studio/paths';

type Session = { state: 'checking' } | { state: 'out'; expired: boolean } | { state: 'in'; user: User };

export function App() {
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const [route, setRoute] = useState<Route>(parseRoute(location.pathname));
  const [, setLangTick] = useState<Lang>(lang());
  const api = useMemo(() => new ApiClient((i, init) => fetch(i, init), () => {
    disconnectLive();
    setSession((s) => (s.state === 'in' ? { state: 'out', expired: true } : s));
  }, sessionStorage), []);

  const changeLang = (l: Lang, user: User | null) => {
    setLang(l);
    rememberLang(user?.username ?? null, l, localStorage);
    setLangTick(l);
  };

  useEffect(() => {
    setLang(preferredLang(null, localStorage, navigator.language));
    setLangTick(lang());
    api.get<User>('/api/v1/auth/me')
      .then((user) => signedIn(user))
      .catch(() => setSession({ state: 'out', expired: false }));
    const onPop = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const signedIn = (user: User) => {
    changeLang(preferredLang(user.username, localStorage, lang()), user);
    setSession({ state: 'in', user });
    connectLive();
  };

  const go = (r: Route) => {
    history.pushState(null, '', routePath(r));
    setRoute(r);
  };

  const logout = async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
    api.setCsrf(null);
    disconnectLive();
    setSession({ state: 'out', expired: false });
  };

  if (session.state === 'checking') {
    return <div class="loading" role="status">{t('common.loading')}</div>;
  }
  const langSwitch = (
    <select class="lang" data-testid="lang" aria-label={t('nav.language')} value={lang()}
            onChange={(e) => changeLang((e.target as HTMLSelectElement).value as Lang,
              session.state === 'in' ? session.user : null)}>
      {LANGS.map((l) => <option value={l} key={l}>{t(`lang.${l}`)}</option>)}
    </select>
  );
  if (session.state === 'out') {
    return <LoginScreen api={api} expired={session.expired} onLogin={signedIn} langSwitch={langSwitch} />;
  }
  const user = session.user;
  return (
    <div class="shell">
      <header class="topbar">
        <a class="brand" href="/queues/mine" onClick={(e) => { e.preventDefault(); go({ screen: 'queues', view: 'mine' }); }}>
          {t('app.name')}
        </a>
        {canUseStudio(user) && (
          <a class="nav-studio" href="/studio" data-testid="nav-studio"
             onClick={(e) => { e.preventDefault(); go({ screen: 'studio', path: '' }); }}>{t('nav.studio')}</a>
        )}
        {mayReadReports(user) && (
          <a class="nav-reports" data-testid="nav-reports" href="/reports"
             onClick={(e) => { e.preventDefault(); go({ screen: 'reports' }); }}>{t('nav.reports')}</a>
        )}
        <span class="spacer" />
        {langSwitch}
        <span class="who" data-testid="who">{user.displayName}</span>
        <button type="button" class="link" data-testid="logout" onClick={logout}>{t('nav.logout')}</button>
      </header>
      <main>
        {route.screen === 'studio'
          ? <StudioLoader api={api} user={user} path={route.path} go={(v) => go({ screen: 'studio', path: studioPath(v) })} />
          : route.screen === 'reports'
            ? <LazyDashboard api={api} user={user} go={go} />
            : route.screen === 'schedules'
            ? <LazySchedules api={api} go={go} />
            : route.screen === 'ticket'
              ? <TicketScreen api={api} user={user} number={route.number} go={go} />
              : <QueuesScreen api={api} user={user} view={route.view} go={go} />}
      </main>
    </div>
  );
}
