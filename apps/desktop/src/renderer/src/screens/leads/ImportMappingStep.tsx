// The import's second step: confirm what each column imports into and the options, then start. The server checks
// the mapping (a phone column, a name, no field twice…) and its objections are listed here as it words them.
import { useState } from 'react';
import { useSession } from '../../api/session-context.tsx';
import { localCountry } from './countries.ts';
import { ImportMapping } from './ImportMapping.tsx';
import { ImportOptions, type ImportSettings } from './ImportOptions.tsx';
import { consentMapped, initialChoices, mappingOf } from './import-mapping.ts';
import { leadErrorMessage } from './lead-errors.ts';
import { formatNumber } from './lead-labels.ts';
import type { AgentOption, LeadImport, StartImportInput, UploadedLeadFile } from './lead-types.ts';

interface Props {
  file: UploadedLeadFile;
  agents: AgentOption[];
  onStarted(started: LeadImport): void;
  onCancel(): void;
}

export function ImportMappingStep({ file, agents, onStarted, onCancel }: Props) {
  const { api } = useSession();
  const [choices, setChoices] = useState(() => initialChoices(file));
  const [settings, setSettings] = useState<ImportSettings>(() => ({
    defaultCountry: localCountry(),
    defaultChannel: '',
    tags: '',
    ownerAgentId: '',
    consentSource: '',
  }));
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const consent = consentMapped(choices);
  const needsSource = consent && !settings.consentSource.trim();

  async function start() {
    setBusy(true);
    setProblems([]);
    try {
      const tags = settings.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const started = await api.leads.startImport.mutate({
        importId: file.import.id,
        mapping: mappingOf(choices),
        // The server checks the code against libphonenumber's countries.
        defaultCountry: (settings.defaultCountry || null) as StartImportInput['defaultCountry'],
        ...(settings.defaultChannel ? { defaultChannel: settings.defaultChannel } : {}),
        ...(tags.length ? { tags } : {}),
        ...(consent ? { consentSource: settings.consentSource.trim() } : {}),
        ownerAgentId: settings.ownerAgentId || null,
      });
      onStarted(started);
    } catch (e) {
      // The mapping's problems come as one sentence each, joined.
      setProblems(leadErrorMessage(e).split('; '));
      setBusy(false);
    }
  }

  return (
    <div className="import-step" data-testid="import-mapping-step">
      <p className="muted">
        <strong className="lead-text">{file.import.filename}</strong> · {file.import.headers.length} columns ·{' '}
        {formatNumber(Math.round(file.import.sizeBytes / 1024))} KB. Choose what each column imports into; rows with the same phone number
        as an existing lead update it.
      </p>
      <div className={`import-consent-note${consent ? ' mapped' : ''}`} data-testid="import-consent-note">
        {consent
          ? 'WhatsApp consent is imported from the column set to “WhatsApp consent” (yes/no, true/false, opted in/out); an empty cell leaves a lead’s consent as it is.'
          : 'WhatsApp consent is only imported from a column you set to “WhatsApp consent”. No other column changes a lead’s consent.'}
      </div>
      <ImportMapping
        file={file}
        choices={choices}
        onChange={(next) => {
          setChoices(next);
          setProblems([]);
        }}
      />
      <ImportOptions settings={settings} onChange={setSettings} agents={agents} consentMapped={consent} />
      {problems.length > 0 && (
        <div className="problems" role="alert" data-testid="import-problems">
          <strong>Fix these before starting:</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void start()}
          disabled={busy || needsSource}
          title={needsSource ? 'Say where the consent came from' : undefined}
          data-testid="import-start"
        >
          {busy ? 'Starting…' : 'Start import'}
        </button>
      </div>
    </div>
  );
}
