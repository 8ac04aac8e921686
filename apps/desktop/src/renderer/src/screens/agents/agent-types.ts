// The Agents screen's shapes, all taken from the API's types: an agent's settings per channel, a weekly schedule,
// the library's entries and the preview for a lead.
import type { RouterInputs, RouterOutputs } from '@switchboard/api';
import type { Agent } from '../../api/client.ts';

export type Channel = Agent['channels'][number];
export type AgentSettings = Agent['settings'];
export type VoiceSettings = AgentSettings['voice'];
export type WhatsAppSettings = AgentSettings['whatsapp'];
/** What both channels have: hours and attempts. */
export type ChannelSettings = Pick<VoiceSettings, 'businessHours' | 'maxAttempts' | 'retrySpacingMinutes'>;
export type BusinessHours = VoiceSettings['businessHours'];
export type Weekday = keyof BusinessHours['days'];
export type TimeRange = BusinessHours['days'][Weekday][number];
export type PromptVariable = AgentSettings['promptVariables'][number];
export type LibraryAgent = RouterOutputs['agents']['library'][number];
export type AgentPreview = RouterOutputs['agents']['preview'];
export type AgentCreate = RouterInputs['agents']['create'];
/** An update without its id: only what changed. */
export type AgentChanges = Omit<RouterInputs['agents']['update'], 'id'>;
export type SettingsPatch = NonNullable<AgentChanges['settings']>;
