// Agents through the API: settings per channel with readable field errors, the company's time zone as the
// default, the industry library (with its first-contact template), archive, and the preview for one lead.
import { FixedClock } from '@switchboard/domain';
import { uniqueEmail } from '@switchboard/domain/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcome, startTestServer, type TestServer } from './test-server.ts';

// A Tuesday, 14:00 in New York (EST) and 04:00 on Wednesday in Tokyo.
const clock = new FixedClock('2026-01-13T19:00:00Z');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ prefix: 'agents', clock });
});
afterAll(() => server.close());

async function company(timezone?: string) {
  const { token } = await server.client().auth.signUp.mutate({
    companyName: 'Agent Co',
    name: 'A',
    email: uniqueEmail(),
    password: 'password-1234',
    ...(timezone ? { timezone } : {}),
  });
  return server.client(token);
}

describe('the company’s time zone', () => {
  it('is given at sign-up or later by an admin, is shown by auth.me, and starts new agents’ hours', async () => {
    const api = await company('america/new_york');
    expect((await api.auth.me.query()).companyTimezone).toBe('America/New_York');
    const agent = await api.agents.create.mutate({ name: 'Ava', channels: ['voice', 'whatsapp'] });
    expect(agent.settings.voice.businessHours.timezone).toBe('America/New_York');
    expect((await outcome(api.auth.updateCompany.mutate({ timezone: 'EST' }))).code).toBe('BAD_REQUEST');
    expect(await api.auth.updateCompany.mutate({ timezone: 'Europe/Lisbon' })).toMatchObject({ companyTimezone: 'Europe/Lisbon' });
    expect(
      (
        await outcome(
          server
            .client()
            .auth.signUp.mutate({ companyName: 'X', name: 'X', email: uniqueEmail(), password: 'password-1234', timezone: 'Mars/Base' }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
  });
});

describe('settings', () => {
  it('a patch changes only what it names; an invalid schedule is refused at the field, and nothing changes', async () => {
    const api = await company('America/New_York');
    const agent = await api.agents.create.mutate({ name: 'Ava', channels: ['whatsapp'] });
    const updated = await api.agents.update.mutate({ id: agent.id, settings: { whatsapp: { maxAttempts: 4 } } });
    expect(updated.settings.whatsapp).toMatchObject({ maxAttempts: 4, retrySpacingMinutes: agent.settings.whatsapp.retrySpacingMinutes });
    expect(updated.settings.voice).toEqual(agent.settings.voice);
    const overlapping = {
      ...agent.settings.whatsapp.businessHours,
      days: {
        ...agent.settings.whatsapp.businessHours.days,
        mon: [
          { start: '09:00', end: '13:00' },
          { start: '12:00', end: '17:00' },
        ],
      },
    };
    const refused = await outcome(api.agents.update.mutate({ id: agent.id, settings: { whatsapp: { businessHours: overlapping } } }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.zodIssues?.[0]?.path.join('.')).toMatch(/^settings\.whatsapp\.businessHours\.days\.mon/);
    const attempts = await outcome(api.agents.update.mutate({ id: agent.id, settings: { voice: { maxAttempts: 0 } } }));
    expect(attempts.zodIssues?.[0]?.message).toBe('Attempts: between 1 and 20');
    expect((await api.agents.get.query({ id: agent.id })).settings.whatsapp.maxAttempts).toBe(4);
  });

  it('the sender and default template must be the company’s own', async () => {
    const a = await company();
    const b = await company();
    const template = await a.templates.copyFromLibrary.mutate({ key: 'solar_first_contact' });
    const agent = await b.agents.create.mutate({ name: 'Bo', channels: ['whatsapp'] });
    expect((await outcome(b.agents.update.mutate({ id: agent.id, settings: { whatsapp: { defaultTemplateId: template.id } } }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('the library', () => {
  it('has an agent for every industry; starting from one copies its first-contact template as the default', async () => {
    const api = await company('America/Chicago');
    const library = await api.agents.library.query();
    expect(new Set(library.map((e) => e.industry)).size).toBeGreaterThanOrEqual(30);
    const agent = await api.agents.createFromLibrary.mutate({ industry: 'solar' });
    expect(agent).toMatchObject({ industry: 'solar', channels: expect.arrayContaining(['whatsapp']) });
    expect(agent.settings.whatsapp.businessHours.timezone).toBe('America/Chicago');
    const [template] = await api.templates.list.query({ search: 'solar_first_contact' });
    expect(agent.settings.whatsapp.defaultTemplateId).toBe(template?.id);
    // A second agent of the industry reuses the copy instead of making another.
    const again = await api.agents.createFromLibrary.mutate({ industry: 'solar', name: 'Solar two' });
    expect(again.settings.whatsapp.defaultTemplateId).toBe(template?.id);
    expect(await api.templates.list.query({ search: 'solar_first_contact' })).toHaveLength(1);
    expect((await outcome(api.agents.createFromLibrary.mutate({ industry: 'bakery' as never }))).code).toBe('BAD_REQUEST');
    await api.agents.archive.mutate({ id: again.id });
    expect((await api.agents.list.query()).map((a) => a.id)).toEqual([agent.id]);
  });
});

describe('the preview for a lead', () => {
  it('fills the opening message with the agent’s name and tells, in the lead’s own time, when it may reach them', async () => {
    const api = await company('America/New_York');
    const template = await api.templates.create.mutate({
      name: 'hello_there',
      language: 'en',
      category: 'marketing',
      body: 'Hi {{first_name}}, this is {{agent_name}} from the solar team. Could we call you this week?',
      variables: [
        { name: 'first_name', example: 'Ana', binding: { source: 'lead', field: 'firstName' } },
        { name: 'agent_name', example: 'Sam', binding: { source: 'agent', field: 'name' } },
      ],
    });
    const agent = await api.agents.create.mutate({
      name: 'Sunny',
      channels: ['voice', 'whatsapp'],
      prompt: 'You are {{agent_name}} calling {{lead_name}} for {{company_name}} about {{offer}}.',
      settings: { whatsapp: { defaultTemplateId: template.id }, promptVariables: [{ name: 'offer', value: 'a free roof survey' }] },
    });
    const newYork = await api.leads.create.mutate({ name: 'Nia Brooks', phone: '+1 212 555 0142', timezone: 'America/New_York' });
    const tokyo = await api.leads.create.mutate({ name: 'Kenji Sato', phone: '+81 90 1234 5678' });
    const here = await api.agents.preview.query({ agentId: agent.id, leadId: newYork.id });
    expect(here.whatsapp).toMatchObject({ openNow: true, nextAllowedAt: null, template: { name: 'hello_there', status: 'draft' } });
    expect(here.whatsapp?.message?.rendered.body).toBe('Hi Nia, this is Sunny from the solar team. Could we call you this week?');
    expect(here.voice).toMatchObject({
      openNow: true,
      prompt: 'You are Sunny calling Nia Brooks for Agent Co about a free roof survey.',
      unfilled: [],
    });
    // 04:00 on Wednesday in Tokyo: the weekday hours open at 09:00 there.
    const there = await api.agents.preview.query({ agentId: agent.id, leadId: tokyo.id });
    expect(there.voice).toMatchObject({ openNow: false, nextAllowedAt: '2026-01-14T00:00:00.000Z' });
  });
});
