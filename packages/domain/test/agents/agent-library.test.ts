import { describe, expect, it } from 'vitest';
import {
  AGENT_LIBRARY,
  agentFromLibrary,
  agentLibraryEntry,
  LIBRARY_SCHEDULES,
  libraryBusinessHours,
} from '../../src/agents/agent-library.ts';
import {
  agentSettingsSchema,
  defaultAgentSettings,
  promptVariableNames,
  RUNTIME_PROMPT_VARIABLES,
  renderAgentPrompt,
} from '../../src/agents/agent-settings.ts';
import { CHANNELS } from '../../src/entities/channel.ts';
import { DomainError } from '../../src/errors/domain-errors.ts';
import { INDUSTRIES, INDUSTRY_IDS } from '../../src/industries/industries.ts';
import { minutesOfClockTime, WEEKDAYS } from '../../src/scheduling/business-hours-schema.ts';
import { libraryTemplate } from '../../src/templates/template-library.ts';

const ENTRIES = AGENT_LIBRARY.map((entry) => [entry.industry, entry] as const);
const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '');

describe('the agent library covers every industry', () => {
  it('with exactly one entry per industry, and nothing else', () => {
    expect(AGENT_LIBRARY).toHaveLength(INDUSTRIES.length);
    expect(AGENT_LIBRARY.map((e) => e.industry).sort()).toEqual([...INDUSTRY_IDS].sort());
  });

  it.each(INDUSTRIES.map((i) => [i.id, i.label] as const))('%s (%s) has its agent', (industry) => {
    expect(AGENT_LIBRARY.filter((e) => e.industry === industry)).toHaveLength(1);
    expect(agentLibraryEntry(industry)?.industry).toBe(industry);
  });

  it('answers an id that is not an industry with nothing', () => {
    expect(agentLibraryEntry('astrology')).toBeUndefined();
    expect(agentLibraryEntry('constructor')).toBeUndefined();
  });

  it('gives each agent its own persona', () => {
    const personas = AGENT_LIBRARY.map((e) => e.name.split(',')[0]);
    expect(new Set(personas).size).toBe(AGENT_LIBRARY.length);
  });
});

describe.each(ENTRIES)('the library agent for %s', (industry, entry) => {
  it('is a persona and a role, described in one sentence', () => {
    expect(entry.name).toMatch(/^[A-Z][a-z]+, [A-Za-z]/);
    expect(entry.name.length).toBeLessThanOrEqual(60);
    expect(sentences(entry.description)).toHaveLength(1);
    expect(entry.description).toMatch(/^[A-Z].*\.$/);
  });

  it('opens WhatsApp with its industry’s first contact from the template library', () => {
    expect(entry.firstContactTemplateKey).toBe(`${industry}_first_contact`);
    expect(libraryTemplate(entry.firstContactTemplateKey)?.industry).toBe(industry);
  });

  it('uses voice and WhatsApp, or one of them, each once and in order', () => {
    expect(entry.channels.length).toBeGreaterThan(0);
    expect(CHANNELS.filter((c) => entry.channels.includes(c))).toEqual(entry.channels);
  });

  it('has a voice prompt of 6 to 14 sentences and a sane length', () => {
    expect(sentences(entry.prompt).length).toBeGreaterThanOrEqual(6);
    expect(sentences(entry.prompt).length).toBeLessThanOrEqual(14);
    expect(entry.prompt.length).toBeGreaterThan(600);
    expect(entry.prompt.length).toBeLessThan(2500);
  });

  it('declares every variable its prompt uses that the call does not fill, and declares nothing unused', () => {
    const used = promptVariableNames(entry.prompt);
    const declared = entry.promptVariables.map((v) => v.name);
    expect(used.filter((name) => !declared.includes(name) && !Object.hasOwn(RUNTIME_PROMPT_VARIABLES, name))).toEqual([]);
    expect(declared.filter((name) => !used.includes(name))).toEqual([]);
    expect(declared).toContain('company_name');
  });

  it('says it is an AI, honours do-not-call, does not pressure, and hands off', () => {
    expect(entry.prompt).toContain('that you are an AI assistant');
    expect(entry.prompt).toContain('If they ask not to be called again');
    expect(entry.prompt).toContain('Never pressure anyone');
    expect(entry.prompt).toContain('If they ask for a person');
  });

  it('reads completely once the call fills its runtime variables', () => {
    const rendered = renderAgentPrompt(entry.prompt, entry.promptVariables, {
      leadName: 'Ana Silva',
      agentName: entry.name,
      companyName: 'Acme',
    });
    expect(rendered).not.toContain('{{');
    expect(rendered).toContain('on behalf of Acme');
  });

  it.each(['America/Chicago', 'Europe/Lisbon', 'Asia/Singapore', 'Australia/Perth'])('becomes a valid agent in %s', (zone) => {
    const agent = agentFromLibrary(industry, zone);
    expect(agentSettingsSchema.parse(agent.settings)).toEqual(agent.settings);
    expect(agent).toMatchObject({
      name: entry.name,
      industry,
      prompt: entry.prompt,
      channels: entry.channels,
      firstContactTemplateKey: entry.firstContactTemplateKey,
    });
    expect(agent.settings.promptVariables).toEqual(entry.promptVariables);
    expect(agent.settings.voice.businessHours.timezone).toBe(zone);
    expect(agent.settings.whatsapp.businessHours.timezone).toBe(zone);
  });

  it('takes the entry’s hours and attempts, and the defaults for what it leaves out', () => {
    const agent = agentFromLibrary(industry, 'America/Denver');
    const defaults = defaultAgentSettings('America/Denver');
    for (const channel of CHANNELS) {
      const plan = entry.settings[channel];
      const settings = agent.settings[channel];
      expect(settings.businessHours).toEqual(plan ? libraryBusinessHours(plan.hours, 'America/Denver') : defaults[channel].businessHours);
      expect(settings.maxAttempts).toBe(plan?.maxAttempts ?? defaults[channel].maxAttempts);
      expect(settings.retrySpacingMinutes).toBe(plan?.retrySpacingMinutes ?? defaults[channel].retrySpacingMinutes);
    }
    expect(agent.settings.whatsapp.providerId).toBeNull();
    expect(agent.settings.whatsapp.defaultTemplateId).toBeNull();
  });
});

describe('hours that suit the industry', () => {
  const settingsOf = (industry: string) => agentFromLibrary(industry, 'America/New_York').settings;
  const one = (start: string, end: string) => [{ start, end }];

  it.each([
    ['saas', 'B2B software calls weekdays only, office hours', { mon: one('09:00', '17:00'), sat: [], sun: [] }],
    [
      'restaurants',
      'catering calls on weekday evenings and weekends',
      { mon: one('17:00', '20:30'), sat: one('10:00', '18:00'), sun: one('12:00', '18:00') },
    ],
    ['hospitality', 'hotels call on weekday evenings and weekends', { fri: one('17:00', '20:30'), sun: one('12:00', '18:00') }],
    ['home_services', 'trades call early and on Saturday mornings', { mon: one('08:00', '18:00'), sat: one('08:00', '12:00'), sun: [] }],
    ['hvac', 'heating and cooling calls early and on Saturday mornings', { tue: one('08:00', '18:00'), sat: one('08:00', '12:00') }],
    ['auto_sales', 'car dealers call after work and on Saturdays', { wed: one('10:00', '20:00'), sat: one('10:00', '17:00'), sun: [] }],
    ['dental', 'dental practices call in front-desk hours', { thu: one('09:00', '17:00'), sat: [], sun: [] }],
  ])('%s: %s', (industry, _, expected) => {
    expect(settingsOf(industry).voice.businessHours.days).toMatchObject(expected);
  });

  it.each([
    ['hvac', 'a home without heat is called back within hours', 4, 4 * 60],
    ['plumbing', 'a leak is called back within hours', 4, 4 * 60],
    ['legal', 'a legal enquiry is called back the same day', 3, 4 * 60],
    ['saas', 'a business buyer is called four times, two days apart', 4, 48 * 60],
    ['nonprofit', 'a supporter is called twice, three days apart', 2, 72 * 60],
  ])('%s: %s', (industry, _, attempts, spacing) => {
    const { voice } = settingsOf(industry);
    expect([voice.maxAttempts, voice.retrySpacingMinutes]).toEqual([attempts, spacing]);
  });

  it('ecommerce messages on WhatsApp only: shoppers did not ask for a call', () => {
    expect(agentFromLibrary('ecommerce', 'UTC').channels).toEqual(['whatsapp']);
    expect(AGENT_LIBRARY.filter((e) => e.channels.length === 2).length).toBeGreaterThan(AGENT_LIBRARY.length / 2);
  });

  it.each(LIBRARY_SCHEDULES)('%s stays within 08:00–21:00, when sales calls to consumers are allowed', (schedule) => {
    const hours = libraryBusinessHours(schedule, 'America/Los_Angeles');
    const ranges = WEEKDAYS.flatMap((day) => hours.days[day]);
    expect(ranges.length).toBeGreaterThan(0);
    for (const { start, end } of ranges) {
      expect(minutesOfClockTime(start)).toBeGreaterThanOrEqual(8 * 60);
      expect(minutesOfClockTime(end)).toBeLessThanOrEqual(21 * 60);
      expect(minutesOfClockTime(end)).toBeGreaterThan(minutesOfClockTime(start) ?? 0);
    }
  });
});

describe('making an agent from the library', () => {
  it('spells the zone as the tz database does', () => {
    expect(agentFromLibrary('solar', 'europe/london').settings.voice.businessHours.timezone).toBe('Europe/London');
  });

  it.each([
    ['an industry the library does not have', 'astrology', 'America/New_York', 'not_found'],
    ['a zone written as an abbreviation', 'solar', 'PST', 'invalid'],
    ['a zone that does not exist, on a library schedule', 'restaurants', 'Mars/Olympus', 'invalid'],
  ])('refuses %s', (_, industry, zone, kind) => {
    const make = () => agentFromLibrary(industry, zone);
    expect(make).toThrow(DomainError);
    try {
      make();
    } catch (error) {
      expect(error instanceof DomainError && error.kind).toBe(kind);
    }
  });

  it('hands out a copy: changing the new agent leaves the library as it was', () => {
    const agent = agentFromLibrary('real_estate', 'UTC');
    agent.channels.pop();
    agent.settings.promptVariables[0]!.value = 'Changed';
    expect(agentLibraryEntry('real_estate')?.channels).toEqual(['voice', 'whatsapp']);
    expect(agentLibraryEntry('real_estate')?.promptVariables[0]?.value).toBe('our company');
  });
});
