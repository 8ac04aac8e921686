// The editor's fields: who the agent is, then a section per channel with its own hours and attempts. Disabled as a
// whole for a user who may not edit agents.

import { AgentBasics } from './AgentBasics.tsx';
import type { AgentDraft } from './agent-draft.ts';
import type { IssueLookup } from './agent-issues.ts';
import type { AgentSettings } from './agent-types.ts';
import { ChannelSection } from './ChannelSection.tsx';
import { PromptEditor } from './PromptEditor.tsx';
import type { AgentChoices } from './use-agent-choices.ts';
import { WhatsAppFields } from './WhatsAppFields.tsx';

interface Props {
  draft: AgentDraft;
  onChange(draft: AgentDraft): void;
  issues: IssueLookup;
  readOnly: boolean;
  choices: AgentChoices;
}

export function AgentForm({ draft, onChange, issues, readOnly, choices }: Props) {
  const { settings } = draft;
  const setSettings = (next: Partial<AgentSettings>) => onChange({ ...draft, settings: { ...settings, ...next } });
  const setVoice = (patch: Partial<AgentSettings['voice']>) => setSettings({ voice: { ...settings.voice, ...patch } });
  const setWhatsApp = (patch: Partial<AgentSettings['whatsapp']>) => setSettings({ whatsapp: { ...settings.whatsapp, ...patch } });
  return (
    <fieldset className="agent-form" disabled={readOnly} data-testid="agent-form">
      <AgentBasics draft={draft} onChange={(patch) => onChange({ ...draft, ...patch })} issues={issues} industries={choices.industries} />
      <ChannelSection
        channel="voice"
        enabled={draft.channels.includes('voice')}
        settings={settings.voice}
        onChange={setVoice}
        issues={issues}
      >
        <PromptEditor
          prompt={draft.prompt}
          variables={settings.promptVariables}
          onPrompt={(prompt) => onChange({ ...draft, prompt })}
          onVariables={(promptVariables) => setSettings({ promptVariables })}
          issues={issues}
        />
      </ChannelSection>
      <ChannelSection
        channel="whatsapp"
        enabled={draft.channels.includes('whatsapp')}
        settings={settings.whatsapp}
        onChange={setWhatsApp}
        issues={issues}
      >
        <WhatsAppFields settings={settings.whatsapp} onChange={setWhatsApp} issues={issues} choices={choices} />
      </ChannelSection>
    </fieldset>
  );
}
