// The signed-in account and the server this console talks to.
import { useSession } from '../../api/session-context.tsx';
import { WebhookDeadLetters } from './WebhookDeadLetters.tsx';
import { WhatsAppProviderSettings } from './WhatsAppProviderSettings.tsx';

export function SettingsScreen() {
  const { user, serverUrl, signOut } = useSession();
  return (
    <div className="page" data-testid="screen-settings">
      <h2>Settings</h2>
      <div className="card">
        <h3>Account</h3>
        <dl className="details">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd className="capitalize">{user.role}</dd>
          <dt>Company</dt>
          <dd>{user.companyName}</dd>
          <dt>Server</dt>
          <dd>
            <code>{serverUrl}</code>
          </dd>
        </dl>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
      {user.role !== 'operator' && <WhatsAppProviderSettings />}
      {user.role === 'admin' && <WebhookDeadLetters />}
    </div>
  );
}
