// What an agent row keeps in its `settings` column: the voice prompt's variables and, per channel, when the agent
// may reach a lead and how often it tries. Checked with messages a sales-ops user understands.
import { z } from 'zod';
import { businessHoursPreset } from '../scheduling/business-hours-presets.ts';
import { businessHoursSchema } from '../scheduling/business-hours-schema.ts';
import { replacePlaceholders, VARIABLE_NAME, variableNamesIn } from '../templates/template-variables.ts';

export const MAX_PROMPT_VARIABLES = 30;
export const MAX_PROMPT_VARIABLE_NAME_LENGTH = 40;
export const MAX_PROMPT_VARIABLE_VALUE_LENGTH = 500;
export const MIN_ATTEMPTS = 1;
export const MAX_ATTEMPTS = 20;
export const MIN_RETRY_SPACING_MINUTES = 5;
/** A week: past that, a "retry" is a new campaign, not a follow-up. */
export const MAX_RETRY_SPACING_MINUTES = 7 * 24 * 60;

// The same grammar as template variables, so {{company_name}} means one thing in a prompt and in a template.
export const promptVariableSchema = z.object({
  name: z
    .string()
    .trim()
    .max(MAX_PROMPT_VARIABLE_NAME_LENGTH, { error: `Variable names are at most ${MAX_PROMPT_VARIABLE_NAME_LENGTH} characters` })
    .regex(VARIABLE_NAME, {
      error: (issue) =>
        `${JSON.stringify(issue.input)} is not a variable name: use lowercase letters, digits and underscores, starting with a letter, like company_name`,
    }),
  value: z
    .string()
    .max(MAX_PROMPT_VARIABLE_VALUE_LENGTH, { error: `Variable values are at most ${MAX_PROMPT_VARIABLE_VALUE_LENGTH} characters` }),
});
export type PromptVariable = z.infer<typeof promptVariableSchema>;

const promptVariablesSchema = z
  .array(promptVariableSchema)
  .max(MAX_PROMPT_VARIABLES, { error: `An agent has at most ${MAX_PROMPT_VARIABLES} prompt variables` })
  .superRefine((variables, ctx) => {
    const seen = new Set<string>();
    for (const [index, { name }] of variables.entries()) {
      if (seen.has(name))
        ctx.addIssue({ code: 'custom', message: `"${name}" is defined twice: give each variable its own name`, path: [index, 'name'] });
      seen.add(name);
    }
  });

// One message for the range and one for a number that is not whole, each naming the field as the editor labels it.
const wholeNumberBetween = (min: number, max: number, range: string, notWhole: string) =>
  z.number({ error: notWhole }).int({ error: notWhole }).min(min, { error: range }).max(max, { error: range });

export const channelSettingsSchema = z.object({
  /** When the agent may start a call or send a message, in the schedule's zone (or the lead's, when asked). */
  businessHours: businessHoursSchema,
  /** How many times the agent tries a lead who has not answered, the first try included. */
  maxAttempts: wholeNumberBetween(
    MIN_ATTEMPTS,
    MAX_ATTEMPTS,
    `Attempts: between ${MIN_ATTEMPTS} and ${MAX_ATTEMPTS}`,
    `Attempts: a whole number between ${MIN_ATTEMPTS} and ${MAX_ATTEMPTS}`,
  ),
  /** The least time between two tries; the next one also waits for business hours. */
  retrySpacingMinutes: wholeNumberBetween(
    MIN_RETRY_SPACING_MINUTES,
    MAX_RETRY_SPACING_MINUTES,
    `Time between attempts: between ${MIN_RETRY_SPACING_MINUTES} minutes and 7 days (${MAX_RETRY_SPACING_MINUTES} minutes)`,
    'Time between attempts: a whole number of minutes',
  ),
});
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;

export const whatsAppSettingsSchema = channelSettingsSchema.extend({
  /** The company's WhatsApp sender (a whatsapp_providers row); null until one is chosen. */
  providerId: z.uuid({ error: 'WhatsApp sender: choose one of your senders' }).nullable(),
  /** The approved template that opens a conversation with a new lead; null until one is chosen. */
  defaultTemplateId: z.uuid({ error: 'Default template: choose one of your templates' }).nullable(),
});
export type WhatsAppSettings = z.infer<typeof whatsAppSettingsSchema>;

export const agentSettingsSchema = z.object({
  /** Values for the voice prompt's {{placeholders}}. */
  promptVariables: promptVariablesSchema,
  voice: channelSettingsSchema,
  whatsapp: whatsAppSettingsSchema,
});
export type AgentSettings = z.infer<typeof agentSettingsSchema>;
export type AgentSettingsInput = z.input<typeof agentSettingsSchema>;

/**
 * A partial update: each channel merges field by field; a schedule and the variable list are replaced whole (a
 * schedule half from before and half from the patch is one nobody wrote).
 */
export const agentSettingsPatchSchema = z.object({
  promptVariables: promptVariablesSchema.optional(),
  voice: channelSettingsSchema.partial().optional(),
  whatsapp: whatsAppSettingsSchema.partial().optional(),
});
export type AgentSettingsPatch = z.input<typeof agentSettingsPatchSchema>;

/**
 * A new agent's settings. Voice calls keep to office hours, three tries a day apart: most first calls go
 * unanswered, and trying on three different days reaches people with different routines without hounding them.
 * WhatsApp keeps longer hours and a Saturday morning, because a message waits on the phone until the lead looks,
 * but tries only twice, two days apart: a message is seen even when not answered, and repeated unanswered
 * messages get reported as spam, which lowers the sender's quality rating and its messaging limits.
 */
export function defaultAgentSettings(timezone: string): AgentSettings {
  return {
    promptVariables: [],
    voice: { businessHours: businessHoursPreset('weekdays_9_to_5', timezone), maxAttempts: 3, retrySpacingMinutes: 24 * 60 },
    whatsapp: {
      businessHours: businessHoursPreset('weekdays_9_to_7_sat_10_to_2', timezone),
      maxAttempts: 2,
      retrySpacingMinutes: 48 * 60,
      providerId: null,
      defaultTemplateId: null,
    },
  };
}

// A key given as undefined means "not changing", as in a form that sends only what was touched.
const definedFields = <T extends object>(patch: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(patch ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;

/** `current` with `patch` applied (see agentSettingsPatchSchema), parsed; throws the ZodError when the result is not valid. */
export function mergeAgentSettings(current: AgentSettings, patch: AgentSettingsPatch): AgentSettings {
  return agentSettingsSchema.parse({
    promptVariables: patch.promptVariables ?? current.promptVariables,
    voice: { ...current.voice, ...definedFields(patch.voice) },
    whatsapp: { ...current.whatsapp, ...definedFields(patch.whatsapp) },
  });
}

/** Facts known when a call starts, which fill the runtime variables of a prompt. */
export interface PromptContext {
  leadName?: string | null;
  agentName?: string | null;
  companyName?: string | null;
}

/** Variables every prompt may use without declaring them, filled from the lead, the agent and the company. */
export const RUNTIME_PROMPT_VARIABLES = {
  lead_name: 'leadName',
  agent_name: 'agentName',
  company_name: 'companyName',
} as const satisfies Record<string, keyof PromptContext>;
export type RuntimePromptVariable = keyof typeof RUNTIME_PROMPT_VARIABLES;

const isRuntimeVariable = (name: string): name is RuntimePromptVariable => Object.hasOwn(RUNTIME_PROMPT_VARIABLES, name);
const present = (value: string | null | undefined): value is string => value != null && value.trim() !== '';

/** The variable names a prompt uses, each once, in order of first appearance. */
export function promptVariableNames(prompt: string): string[] {
  return variableNamesIn(prompt);
}

function promptValue(name: string, variables: readonly PromptVariable[], context: PromptContext): string | undefined {
  // A runtime fact wins: the library's company_name 'our company' is a fallback for previews, not a brand.
  const runtime = isRuntimeVariable(name) ? context[RUNTIME_PROMPT_VARIABLES[name]] : undefined;
  if (present(runtime)) return runtime;
  const declared = variables.find((v) => v.name === name)?.value;
  return present(declared) ? declared : undefined;
}

/**
 * The voice prompt with each {{name}} filled, from the context for runtime variables, else from the agent's
 * variables. Values go in as plain text, in one pass: a value that reads "{{x}}" stays literally that. A placeholder
 * with no value (or a blank one) stays visible as written, so the preview shows what is missing.
 */
export function renderAgentPrompt(prompt: string, variables: readonly PromptVariable[], context: PromptContext = {}): string {
  return replacePlaceholders(prompt, (token) =>
    token.kind === 'variable' ? (promptValue(token.inner, variables, context) ?? token.raw) : token.raw,
  );
}

/** The prompt's variables that would stay unfilled with these values, for the editor to point at. */
export function unfilledPromptVariables(prompt: string, variables: readonly PromptVariable[], context: PromptContext = {}): string[] {
  return promptVariableNames(prompt).filter((name) => promptValue(name, variables, context) === undefined);
}
