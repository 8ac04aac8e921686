// Creates an agent: a name and at least one channel.
import { type FormEvent, useState } from 'react';
import { type Agent, describeError, fieldErrors } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { Field } from '../../shell/Field.tsx';

type Channel = Agent['channels'][number];

interface Props {
  onCreated(agent: Agent): void;
  onCancel(): void;
}

export function AgentForm({ onCreated, onCancel }: Props) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const [channels, setChannels] = useState<Channel[]>(['voice']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (channel: Channel) => setChannels((cs) => (cs.includes(channel) ? cs.filter((c) => c !== channel) : [...cs, channel]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'Name is required';
    if (channels.length === 0) local.channels = 'Pick at least one channel';
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.agents.create.mutate({ name, channels }));
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="agent-form">
      <h3>New agent</h3>
      <Field
        label="Name"
        value={name}
        onChange={setName}
        error={errors.name}
        testId="agent-name"
        placeholder="Ava — appointment setter"
        autoFocus
      />
      <fieldset className={`channels${errors.channels ? ' invalid' : ''}`}>
        <legend>Channels</legend>
        {(['voice', 'whatsapp'] as const).map((c) => (
          <label key={c} className="toggle">
            <input type="checkbox" checked={channels.includes(c)} onChange={() => toggle(c)} data-testid={`agent-channel-${c}`} />
            <span>{c === 'voice' ? 'Voice calls' : 'WhatsApp'}</span>
          </label>
        ))}
        {errors.channels && <small className="field-error">{errors.channels}</small>}
      </fieldset>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      <div className="actions">
        <button type="button" className="ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="agent-save">
          {busy ? 'Saving…' : 'Create agent'}
        </button>
      </div>
    </form>
  );
}
