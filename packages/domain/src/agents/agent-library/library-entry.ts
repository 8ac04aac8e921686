// What an entry of the industry agent library is, and the prompt every entry shares the frame of: who the agent
// speaks for, what it asks, the compliance rules, the hand-off. Entries write only what is their industry's.
import type { Channel } from '../../entities/channel.ts';
import type { IndustryId } from '../../industries/industries.ts';
import type { PromptVariable } from '../agent-settings.ts';
import type { LibrarySchedule } from './library-hours.ts';

/** How an entry departs from the default settings on one channel. */
export interface LibraryChannelPlan {
  hours: LibrarySchedule;
  maxAttempts?: number;
  retrySpacingMinutes?: number;
}

export interface AgentLibraryEntry {
  industry: IndustryId;
  /** A persona and a role, as the agent list shows it: "Maya, real estate assistant". */
  name: string;
  /** One sentence for the library picker. */
  description: string;
  /** The voice agent's system prompt; {{placeholders}} are declared in promptVariables or are runtime ones. */
  prompt: string;
  promptVariables: PromptVariable[];
  channels: Channel[];
  settings: { voice?: LibraryChannelPlan; whatsapp?: LibraryChannelPlan };
  /** The WhatsApp template that opens the conversation, from the template library. */
  firstContactTemplateKey: `${IndustryId}_first_contact`;
}

export interface VoicePromptParts {
  /** After "calling on behalf of {{company_name}}, ": what the company is. */
  company: string;
  /** After "You are calling {{lead_name}}, who ": why the call happens. */
  reason: string;
  /** After "Your goal is to ": the outcome of a good call. */
  goal: string;
  /** The qualifying questions, as phrases, asked in this order. */
  questions: string[];
  /** Rules of the industry, each a full sentence (no advice a licence is needed for, and so on). */
  rules?: string[];
  /** A full sentence: how the appointment is booked. */
  booking: string;
  /** After "If they ask for a person, or ask something you cannot answer, ": who takes over and how. */
  handoff: string;
}

/** The system prompt of a library agent: the industry's parts inside the frame every agent shares. */
export function voicePrompt(parts: VoicePromptParts): string {
  return [
    `You are {{agent_name}}, an AI voice assistant calling on behalf of {{company_name}}, ${parts.company}.`,
    `You are calling {{lead_name}}, who ${parts.reason}.`,
    'Say in your first sentence that you are an AI assistant, and confirm it whenever you are asked.',
    `Your goal is to ${parts.goal}.`,
    `Ask one question at a time, in your own words: ${parts.questions.join('; ')}.`,
    ...(parts.rules ?? []),
    parts.booking,
    'If it is a bad time, ask when to call back and end the call.',
    'If they ask not to be called again, apologise, confirm that {{company_name}} will not call them again, and end the call.',
    'Never pressure anyone: accept a no the first time, and never invent prices, availability or guarantees.',
    `If they ask for a person, or ask something you cannot answer, ${parts.handoff}.`,
    'Keep every turn short and friendly, and end by confirming what happens next.',
  ].join(' ');
}

interface AgentLibraryEntryInput extends Omit<AgentLibraryEntry, 'prompt' | 'promptVariables' | 'channels' | 'firstContactTemplateKey'> {
  prompt: VoicePromptParts;
  /** The prompt's own variables beyond company_name, which every entry declares. */
  promptVariables?: PromptVariable[];
  /** Voice and WhatsApp unless told. */
  channels?: Channel[];
}

/** Until the company's name is known (a preview, an agent copied before setup), the prompt still reads. */
const COMPANY_NAME_FALLBACK: PromptVariable = { name: 'company_name', value: 'our company' };

export function defineLibraryAgent(input: AgentLibraryEntryInput): AgentLibraryEntry {
  // A copy: entries share plans and variables, and an agent made from one must not change another.
  return structuredClone({
    industry: input.industry,
    name: input.name,
    description: input.description,
    prompt: voicePrompt(input.prompt),
    promptVariables: [COMPANY_NAME_FALLBACK, ...(input.promptVariables ?? [])],
    channels: input.channels ?? ['voice', 'whatsapp'],
    settings: input.settings,
    firstContactTemplateKey: `${input.industry}_first_contact` as const,
  });
}

/** The common variable: where the lead books for themself; until set, the prompt reads "our online booking page". */
export const bookingLink = (value = 'our online booking page'): PromptVariable => ({ name: 'booking_link', value });
export const serviceArea = (value = 'the local area'): PromptVariable => ({ name: 'service_area', value });
