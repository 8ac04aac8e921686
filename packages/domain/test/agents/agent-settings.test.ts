import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  type AgentSettings,
  type AgentSettingsPatch,
  agentSettingsSchema,
  defaultAgentSettings,
  mergeAgentSettings,
} from '../../src/agents/agent-settings.ts';
import { DomainError } from '../../src/errors/domain-errors.ts';
import { businessHoursPreset } from '../../src/scheduling/business-hours-presets.ts';

const SENDER_ID = '3f0c6a52-9d4e-4c1b-8f3a-2b7d9e6c1a40';
const TEMPLATE_ID = '0192f5e4-7b3a-7c1d-9e2f-4a5b6c7d8e9f';
const base = (): AgentSettings => defaultAgentSettings('America/New_York');
const variables = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `var_${i}`, value: `value ${i}` }));

/** The settings a user would save: the defaults with one part changed (a patch, without the merge's parsing). */
function edited(patch: AgentSettingsPatch): unknown {
  const current = base();
  return {
    promptVariables: patch.promptVariables ?? current.promptVariables,
    voice: { ...current.voice, ...patch.voice },
    whatsapp: { ...current.whatsapp, ...patch.whatsapp },
  };
}

/** What the editor shows: each problem with where it is. */
function problems(input: unknown): string[] {
  const result = agentSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('settings the agent editor refuses, and why', () => {
  it.each<[string, AgentSettingsPatch, string]>([
    ['no call attempts at all', { voice: { maxAttempts: 0 } }, 'voice.maxAttempts: Attempts: between 1 and 20'],
    ['21 WhatsApp attempts', { whatsapp: { maxAttempts: 21 } }, 'whatsapp.maxAttempts: Attempts: between 1 and 20'],
    ['half an attempt', { voice: { maxAttempts: 2.5 } }, 'voice.maxAttempts: Attempts: a whole number between 1 and 20'],
    [
      'retries 4 minutes apart',
      { voice: { retrySpacingMinutes: 4 } },
      'voice.retrySpacingMinutes: Time between attempts: between 5 minutes and 7 days (10080 minutes)',
    ],
    [
      'retries a week and a minute apart',
      { whatsapp: { retrySpacingMinutes: 10081 } },
      'whatsapp.retrySpacingMinutes: Time between attempts: between 5 minutes and 7 days (10080 minutes)',
    ],
    [
      'retries 90.5 minutes apart',
      { voice: { retrySpacingMinutes: 90.5 } },
      'voice.retrySpacingMinutes: Time between attempts: a whole number of minutes',
    ],
    [
      'call hours that start at 25:00',
      { voice: { businessHours: { timezone: 'America/New_York', days: { mon: [{ start: '25:00', end: '17:00' }] } } } },
      'voice.businessHours.days.mon.0.start: "25:00" is not a start time: use the 24-hour clock, like 09:00 or 13:30',
    ],
    [
      'WhatsApp hours with two ranges at once',
      {
        whatsapp: {
          businessHours: {
            timezone: 'Europe/Madrid',
            days: {
              tue: [
                { start: '09:00', end: '13:00' },
                { start: '12:00', end: '18:00' },
              ],
            },
          },
        },
      },
      'whatsapp.businessHours.days.tue.1: Tuesday: 09:00–13:00 overlaps 12:00–18:00',
    ],
    [
      'hours in an abbreviation instead of a zone',
      { voice: { businessHours: { timezone: 'EST' } } },
      'voice.businessHours.timezone: "EST" is an abbreviation, not a place: use a name like America/New_York, which follows daylight saving time',
    ],
    [
      'two variables of one name',
      {
        promptVariables: [
          { name: 'company_name', value: 'Acme' },
          { name: 'company_name', value: 'Acme Homes' },
        ],
      },
      'promptVariables.1.name: "company_name" is defined twice: give each variable its own name',
    ],
    [
      'a variable name with spaces and capitals',
      { promptVariables: [{ name: 'Company Name', value: 'Acme' }] },
      'promptVariables.0.name: "Company Name" is not a variable name: use lowercase letters, digits and underscores, starting with a letter, like company_name',
    ],
    [
      'a variable name of 41 characters',
      { promptVariables: [{ name: `v${'x'.repeat(40)}`, value: 'Acme' }] },
      'promptVariables.0.name: Variable names are at most 40 characters',
    ],
    [
      'a variable value of 501 characters',
      { promptVariables: [{ name: 'pitch', value: 'x'.repeat(501) }] },
      'promptVariables.0.value: Variable values are at most 500 characters',
    ],
    ['31 variables', { promptVariables: variables(31) }, 'promptVariables: An agent has at most 30 prompt variables'],
    [
      'a WhatsApp sender that is not an id',
      { whatsapp: { providerId: 'twilio-main' } },
      'whatsapp.providerId: WhatsApp sender: choose one of your senders',
    ],
    [
      'a default template that is not an id',
      { whatsapp: { defaultTemplateId: '42' } },
      'whatsapp.defaultTemplateId: Default template: choose one of your templates',
    ],
  ])('%s', (_, patch, problem) => {
    expect(problems(edited(patch))).toEqual([problem]);
  });
});

describe('settings the agent editor accepts', () => {
  it.each<[string, AgentSettingsPatch]>([
    ['the defaults', {}],
    ['a single call attempt', { voice: { maxAttempts: 1 } }],
    ['20 WhatsApp attempts', { whatsapp: { maxAttempts: 20 } }],
    ['retries 5 minutes apart', { voice: { retrySpacingMinutes: 5 } }],
    ['retries a week apart', { whatsapp: { retrySpacingMinutes: 10080 } }],
    ['30 variables', { promptVariables: variables(30) }],
    ['a variable name of 40 characters', { promptVariables: [{ name: `v${'x'.repeat(39)}`, value: 'Acme' }] }],
    [
      'a variable value of 500 characters, or empty',
      {
        promptVariables: [
          { name: 'pitch', value: 'x'.repeat(500) },
          { name: 'offer', value: '' },
        ],
      },
    ],
    ['values in any script', { promptVariables: [{ name: 'company_name', value: 'Café Zoë · 東京 · مرحبا 👋' }] }],
    ['a chosen sender and default template', { whatsapp: { providerId: SENDER_ID, defaultTemplateId: TEMPLATE_ID } }],
    [
      'split shifts and a holiday',
      {
        voice: {
          businessHours: {
            timezone: 'Australia/Sydney',
            days: {
              mon: [
                { start: '9:00', end: '12:00' },
                { start: '13:00', end: '17:00' },
              ],
            },
            holidays: ['2026-12-25'],
          },
        },
      },
    ],
  ])('%s', (_, patch) => {
    expect(problems(edited(patch))).toEqual([]);
  });
});

describe('the default settings of a new agent', () => {
  const zones = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo', 'Pacific/Auckland', 'UTC'];

  it.each(zones)('are valid, and read in the company’s zone, in %s', (zone) => {
    const settings = defaultAgentSettings(zone);
    expect(agentSettingsSchema.parse(settings)).toEqual(settings);
    expect(settings.voice.businessHours.timezone).toBe(zone);
    expect(settings.whatsapp.businessHours.timezone).toBe(zone);
  });

  it.each([
    ['voice', 'calls weekdays 9 to 5', 'weekdays_9_to_5', 3, 24 * 60],
    ['whatsapp', 'messages weekdays 9 to 7 and Saturday 10 to 2', 'weekdays_9_to_7_sat_10_to_2', 2, 48 * 60],
  ] as const)('%s: %s, %i tries %i minutes apart', (channel, _, preset, attempts, spacing) => {
    const settings = defaultAgentSettings('Europe/Berlin')[channel];
    expect(settings.businessHours).toEqual(businessHoursPreset(preset, 'Europe/Berlin'));
    expect(settings.maxAttempts).toBe(attempts);
    expect(settings.retrySpacingMinutes).toBe(spacing);
  });

  it('have no variables, no sender and no default template until chosen', () => {
    const settings = base();
    expect(settings.promptVariables).toEqual([]);
    expect(settings.whatsapp.providerId).toBeNull();
    expect(settings.whatsapp.defaultTemplateId).toBeNull();
  });

  it('spell the zone as the tz database does, and refuse one we do not accept', () => {
    expect(defaultAgentSettings('europe/london').voice.businessHours.timezone).toBe('Europe/London');
    expect(() => defaultAgentSettings('CET')).toThrow(DomainError);
  });
});

describe('a partial update of the settings', () => {
  it.each<[string, AgentSettingsPatch, (before: AgentSettings) => AgentSettings]>([
    ['nothing changes nothing', {}, (before) => before],
    [
      'WhatsApp attempts change alone; its hours, spacing and sender stay, and voice is untouched',
      { whatsapp: { maxAttempts: 4 } },
      (before) => ({ ...before, whatsapp: { ...before.whatsapp, maxAttempts: 4 } }),
    ],
    [
      'a field given as undefined is not changed',
      { voice: { maxAttempts: undefined, retrySpacingMinutes: 60 } },
      (before) => ({ ...before, voice: { ...before.voice, retrySpacingMinutes: 60 } }),
    ],
    [
      'a new schedule replaces the old one whole',
      { voice: { businessHours: { timezone: 'America/New_York', days: { sat: [{ start: '10:00', end: '12:00' }] } } } },
      (before) => ({
        ...before,
        voice: {
          ...before.voice,
          businessHours: {
            timezone: 'America/New_York',
            days: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [{ start: '10:00', end: '12:00' }], sun: [] },
            holidays: [],
          },
        },
      }),
    ],
    [
      'a new variable list replaces the old one',
      { promptVariables: [{ name: 'booking_link', value: 'https://acme.example/book' }] },
      (before) => ({ ...before, promptVariables: [{ name: 'booking_link', value: 'https://acme.example/book' }] }),
    ],
    [
      'a sender can be chosen, and cleared again with null',
      { whatsapp: { providerId: null, defaultTemplateId: TEMPLATE_ID } },
      (before) => ({ ...before, whatsapp: { ...before.whatsapp, providerId: null, defaultTemplateId: TEMPLATE_ID } }),
    ],
  ])('%s', (_, patch, expected) => {
    const before: AgentSettings = { ...base(), promptVariables: [{ name: 'company_name', value: 'Acme' }] };
    before.whatsapp.providerId = SENDER_ID;
    const snapshot = structuredClone(before);
    expect(mergeAgentSettings(before, patch)).toEqual(expected(snapshot));
    expect(before).toEqual(snapshot);
  });

  it('throws the zod error, with the path, when the result is not valid', () => {
    const merge = () => mergeAgentSettings(base(), { whatsapp: { maxAttempts: 0 } });
    expect(merge).toThrow(ZodError);
    expect(merge).toThrow('Attempts: between 1 and 20');
    try {
      merge();
    } catch (error) {
      expect(error instanceof ZodError && error.issues.map((i) => i.path.join('.'))).toEqual(['whatsapp.maxAttempts']);
    }
  });
});
