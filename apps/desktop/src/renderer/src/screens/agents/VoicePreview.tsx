// The agent's voice side for one lead: may it call now, and its prompt as the call would start with it, the
// variables still without a value marked.
import type { AgentPreview } from './agent-types.ts';
import { ChannelTiming } from './ChannelTiming.tsx';
import { CodeList } from './CodeList.tsx';

interface Props {
  preview: NonNullable<AgentPreview['voice']>;
  leadTimezone: string | null;
  scheduleTimezone: string;
}

/** The prompt in pieces, each unfilled {{name}} a marked piece. */
function highlighted(prompt: string, unfilled: string[]) {
  const names = new Set(unfilled);
  return prompt.split(/(\{\{[a-z][a-z0-9_]*\}\})/g).map((piece, i) =>
    names.has(piece.slice(2, -2)) && piece.startsWith('{{') ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed text, in order
      <mark key={i} className="unfilled">
        {piece}
      </mark>
    ) : (
      piece
    ),
  );
}

export function VoicePreview({ preview, leadTimezone, scheduleTimezone }: Props) {
  return (
    <div className="preview-channel" data-testid="agent-preview-voice">
      <div className="label-row">
        <strong>Voice</strong>
        <ChannelTiming
          timing={preview}
          verb="call"
          leadTimezone={leadTimezone}
          scheduleTimezone={scheduleTimezone}
          testId="agent-preview-voice-timing"
        />
      </div>
      {preview.prompt.trim() ? (
        <p className="prompt-preview" data-testid="agent-preview-prompt">
          {highlighted(preview.prompt, preview.unfilled)}
        </p>
      ) : (
        <p className="hours-warning">No voice prompt yet: write one so the agent knows what to say.</p>
      )}
      {preview.unfilled.length > 0 && (
        <p className="preview-missing" data-testid="agent-preview-unfilled">
          No value for <CodeList names={preview.unfilled} />: give {preview.unfilled.length === 1 ? 'it' : 'them'} one under Prompt
          variables.
        </p>
      )}
    </div>
  );
}
