// Sign in to a Switchboard server, or create a company on it.
import { type FormEvent, useState } from 'react';
import { createApiClient, describeError, errorCode, fieldErrors, type User } from '../../api/client.ts';
import { Field } from '../../shell/Field.tsx';

interface Props {
  initialServerUrl: string;
  onSignedIn(serverUrl: string, token: string, user: User): Promise<void>;
}

type Mode = 'login' | 'signup';

function loginMessage(error: unknown): string {
  const code = errorCode(error);
  if (code === 'UNAUTHORIZED') return 'Wrong email or password.';
  // The server's own words: how long to wait, and a sign-up refusal that does not say whether the email has an account.
  return describeError(error);
}

export function LoginScreen({ initialServerUrl, onSignedIn }: Props) {
  const [mode, setMode] = useState<Mode>('login');
  const [serverUrl, setServerUrl] = useState(initialServerUrl);
  const [form, setForm] = useState({ companyName: '', name: '', email: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      new URL(serverUrl);
    } catch {
      setBusy(false);
      return setFields({ serverUrl: 'Enter the server address, like http://127.0.0.1:3000' });
    }
    const api = createApiClient(serverUrl, null);
    try {
      const result =
        mode === 'login' ? await api.auth.login.mutate({ email: form.email, password: form.password }) : await api.auth.signUp.mutate(form);
      await onSignedIn(serverUrl, result.token, result.user);
    } catch (e) {
      setFields(fieldErrors(e));
      setError(loginMessage(e));
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} noValidate>
        <div className="brand">
          <span className="brand-mark">◎</span> Switchboard
        </div>
        <h1>{mode === 'login' ? 'Sign in' : 'Create your company'}</h1>
        <p className="muted">{mode === 'login' ? 'Voice and WhatsApp outreach, in one console.' : 'You become its admin.'}</p>
        <Field label="Server" value={serverUrl} onChange={setServerUrl} error={fields.serverUrl} testId="login-server" />
        {mode === 'signup' && (
          <>
            <Field
              label="Company name"
              value={form.companyName}
              onChange={set('companyName')}
              error={fields.companyName}
              testId="signup-company"
            />
            <Field label="Your name" value={form.name} onChange={set('name')} error={fields.name} testId="signup-name" />
          </>
        )}
        <Field label="Email" type="email" value={form.email} onChange={set('email')} error={fields.email} testId="login-email" autoFocus />
        <Field
          label="Password"
          type="password"
          value={form.password}
          onChange={set('password')}
          error={fields.password}
          testId="login-password"
        />
        {error && (
          <div className="alert" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        <button className="primary wide" type="submit" disabled={busy} data-testid="login-submit">
          {busy ? 'Please wait…' : mode === 'login' ? 'Sign in' : 'Create company'}
        </button>
        <button type="button" className="link" onClick={() => setMode(mode === 'login' ? 'signup' : 'login')} data-testid="login-toggle">
          {mode === 'login' ? 'New here? Create a company' : 'Have an account? Sign in'}
        </button>
      </form>
    </main>
  );
}
