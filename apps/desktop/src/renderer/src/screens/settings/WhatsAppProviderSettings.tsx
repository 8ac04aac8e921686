// The company's WhatsApp provider: Twilio credentials (the token is write-only) or the simulator, the webhook
// URLs to paste into Twilio's console, and a connection test.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { describeError, fieldErrors, type Provider } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { Field } from '../../shell/Field.tsx';

type Kind = 'twilio' | 'simulator';

export function WhatsAppProviderSettings() {
  const { api, user } = useSession();
  const canEdit = user.role === 'admin';
  const [provider, setProvider] = useState<Provider | null>(null);
  const [kind, setKind] = useState<Kind>('simulator');
  const [form, setForm] = useState({ accountSid: '', authToken: '', from: '', messagesPerSecond: '80' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const active = (await api.providers.list.query()).find((p) => p.active) ?? null;
    setProvider(active);
    if (active) {
      setKind(active.kind);
      setForm({
        accountSid: active.accountSid ?? '',
        authToken: '',
        from: active.sender.replace(/^whatsapp:/, ''),
        messagesPerSecond: String(active.messagesPerSecond),
      });
    }
  }, [api]);
  useEffect(() => {
    load().catch((e) => setNotice({ ok: false, text: describeError(e) }));
  }, [load]);

  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setNotice(null);
    try {
      const saved = await api.providers.upsertWhatsApp.mutate({
        kind,
        from: form.from,
        messagesPerSecond: Number(form.messagesPerSecond) || undefined,
        ...(kind === 'twilio' ? { accountSid: form.accountSid, ...(form.authToken ? { authToken: form.authToken } : {}) } : {}),
      });
      setProvider(saved);
      setForm((f) => ({ ...f, authToken: '' }));
      setNotice({ ok: true, text: 'Saved. Paste the webhook URLs below into Twilio.' });
    } catch (e) {
      setErrors(fieldErrors(e));
      setNotice({ ok: false, text: describeError(e) });
    } finally {
      setBusy(false);
    }
  }

  async function test() {
    if (!provider) return;
    const result = await api.providers.testConnection.mutate({ id: provider.id });
    setNotice({ ok: result.ok, text: result.message });
  }

  return (
    <div className="card" data-testid="provider-settings">
      <h3>WhatsApp provider</h3>
      <p className="muted">Switchboard sends WhatsApp messages through Twilio, or through the built-in simulator for trying it out.</p>
      <form className="form" onSubmit={save} noValidate>
        <fieldset className="channels" disabled={!canEdit}>
          <legend>Provider</legend>
          {(['twilio', 'simulator'] as const).map((k) => (
            <label key={k} className="toggle">
              <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} data-testid={`provider-kind-${k}`} />
              <span>{k === 'twilio' ? 'Twilio' : 'Simulator'}</span>
            </label>
          ))}
        </fieldset>
        {kind === 'twilio' && (
          <>
            <Field
              label="Account SID"
              value={form.accountSid}
              onChange={set('accountSid')}
              error={errors.accountSid}
              placeholder="AC…"
              testId="provider-sid"
            />
            <Field
              label={
                provider?.hasAuthToken && provider.kind === 'twilio' ? 'Auth Token (stored encrypted; leave empty to keep)' : 'Auth Token'
              }
              type="password"
              value={form.authToken}
              onChange={set('authToken')}
              error={errors.authToken}
              testId="provider-token"
            />
          </>
        )}
        <Field
          label="WhatsApp sender (E.164) or Messaging Service SID"
          value={form.from}
          onChange={set('from')}
          error={errors.from}
          placeholder="+14155238886"
          testId="provider-from"
        />
        <Field
          label="Messages per second"
          value={form.messagesPerSecond}
          onChange={set('messagesPerSecond')}
          error={errors.messagesPerSecond}
          testId="provider-mps"
        />
        {notice && (
          <div className={notice.ok ? 'notice' : 'alert'} role="status" data-testid="provider-notice">
            {notice.text}
          </div>
        )}
        <div className="actions">
          {provider && (
            <button type="button" onClick={() => void test()} data-testid="provider-test">
              Test connection
            </button>
          )}
          {canEdit && (
            <button type="submit" className="primary" disabled={busy} data-testid="provider-save">
              {busy ? 'Saving…' : 'Save'}
            </button>
          )}
        </div>
      </form>
      {provider && (
        <div className="webhooks" data-testid="webhook-urls">
          <h4>Webhook URLs for Twilio</h4>
          <p className="muted">In Twilio’s console, set “A message comes in” and the status callback to these URLs (HTTP POST).</p>
          <WebhookUrl label="A message comes in" url={provider.webhookUrls.inbound} />
          <WebhookUrl label="Status callback" url={provider.webhookUrls.status} />
        </div>
      )}
    </div>
  );
}

function WebhookUrl({ label, url }: { label: string; url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="webhook">
      <span className="muted">{label}</span>
      <code>{url}</code>
      <button
        type="button"
        className="ghost"
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true));
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
