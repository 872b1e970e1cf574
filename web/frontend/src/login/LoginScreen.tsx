import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiClient, ApiError } from '../api';
import { t } from '../i18n';
import type { User } from '../model';

interface Props {
  api: ApiClient;
  expired: boolean;
  onLogin: (user: User) => void;
  langSwitch: ComponentChildren;
}

export function LoginScreen({ api, expired, onLogin, langSwitch }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ csrfToken: string; user: User }>('/api/v1/auth/login', { username, password });
      api.setCsrf(r.csrfToken);
      onLogin(r.user);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('login.wrong')
        : err instanceof ApiError ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <div class="login">
      <form class="card" onSubmit={submit} data-testid="login-form">
        <div class="login-head">
          <h1>{t('app.name')}</h1>
          {langSwitch}
        </div>
        <p class="muted">{t('login.title')}</p>
        {expired && <p class="notice" role="status" data-testid="expired">{t('login.expired')}</p>}
        <label>{t('login.username')}
          <input name="username" autoComplete="username" value={username} required
                 onInput={(e) => setUsername((e.target as HTMLInputElement).value)} />
        </label>
        <label>{t('login.password')}
          <input name="password" type="password" autoComplete="current-password" value={password} required
                 onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        </label>
        {error && <p class="error" role="alert" data-testid="login-error">{error}</p>}
        <button type="submit" class="primary" disabled={busy} data-testid="login-submit">{t('login.submit')}</button>
      </form>
    </div>
  );
}
