// One channel's settings: what only that channel has (children), then how often the agent tries and when. A
// channel turned off keeps its settings, hidden, for when it is turned on again.
import type { ReactNode } from 'react';
import { AttemptsFields } from './AttemptsFields.tsx';
import type { IssueLookup } from './agent-issues.ts';
import type { Channel, ChannelSettings } from './agent-types.ts';
import { BusinessHoursEditor } from './BusinessHoursEditor.tsx';

const TITLES: Record<Channel, { title: string; when: string }> = {
  voice: { title: 'Voice calls', when: 'When the agent may start a call' },
  whatsapp: { title: 'WhatsApp', when: 'When the agent may send a first message or a follow-up' },
};

interface Props {
  channel: Channel;
  enabled: boolean;
  settings: ChannelSettings;
  onChange(patch: Partial<ChannelSettings>): void;
  issues: IssueLookup;
  children: ReactNode;
}

export function ChannelSection({ channel, enabled, settings, onChange, issues, children }: Props) {
  const base = `settings.${channel}`;
  return (
    <section className={`card agent-section channel-section ${channel}${enabled ? '' : ' off'}`} data-testid={`agent-section-${channel}`}>
      <div className="section-head">
        <h3>
          <span className={`channel-dot ${channel}`} aria-hidden />
          {TITLES[channel].title}
        </h3>
        {!enabled && <span className="muted small-text">Off for this agent: turn it on above to set it up.</span>}
      </div>
      {enabled && (
        <>
          {children}
          <AttemptsFields
            settings={settings}
            onChange={onChange}
            attemptsIssues={issues(`${base}.maxAttempts`)}
            spacingIssues={issues(`${base}.retrySpacingMinutes`)}
            testId={`${channel}-attempts`}
          />
          <BusinessHoursEditor
            title={TITLES[channel].when}
            hours={settings.businessHours}
            onChange={(businessHours) => onChange({ businessHours })}
            issues={issues}
            path={`${base}.businessHours`}
            testId={`${channel}-hours`}
          />
        </>
      )}
    </section>
  );
}
