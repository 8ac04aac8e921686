// Templates through the API: drafts and their WhatsApp problems, versions, the approval workflow against the real
// Twilio SDK and a local fake Twilio (content and approval request bodies, polling to approved and rejected), the
// simulator's review, the library, sending only what is approved, and tenancy.
import {
  FixedClock,
  Message,
  pollTemplateApproval,
  providerAdapters,
  SIMULATED_REJECTION,
  SIMULATED_REVIEW_MS,
  TEMPLATE_LIBRARY,
  User,
} from '@switchboard/domain';
import { FakeTwilio, uniqueEmail } from '@switchboard/domain/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outcome, startTestServer, type TestServer } from './test-server.ts';
import { drainSends, postWebhook } from './webhook-helpers.ts';

const clock = new FixedClock('2026-06-01T10:00:00Z');
let server: TestServer;
let fake: FakeTwilio;
beforeAll(async () => {
  fake = await new FakeTwilio().start();
  server = await startTestServer({ prefix: 'templates', clock, twilioApiUrl: fake.url });
});
afterAll(async () => {
  await server.close();
  await fake.stop();
});
beforeEach(async () => {
  await server.services.queues.templateApproval.obliterate({ force: true });
  await server.services.queues.send.obliterate({ force: true });
  fake.failNext.length = 0;
});

type Api = ReturnType<TestServer['client']>;

async function company(kind: 'twilio' | 'simulator' = 'twilio') {
  const { token, user } = await server
    .client()
    .auth.signUp.mutate({ companyName: 'Tpl Co', name: 'A', email: uniqueEmail(), password: 'password-1234' });
  const api = server.client(token);
  const provider = await api.providers.upsertWhatsApp.mutate(
    kind === 'twilio'
      ? { kind, accountSid: `AC${'4'.repeat(32)}`, authToken: 'tpl-token', from: '+14155238886' }
      : { kind, from: '+14155238886' },
  );
  return { api, user, token, provider };
}

const reminder = {
  name: 'visit_reminder',
  language: 'en',
  category: 'utility' as const,
  header: { type: 'text' as const, text: 'Your visit' },
  body: 'Hi {{first_name}}, your visit with {{agent_name}} is on {{visit_time}}. Reply if you need to move it.',
  footer: 'Sunny Homes',
  buttons: [
    { type: 'quick_reply' as const, text: 'Confirm', payload: 'confirm_visit' },
    { type: 'quick_reply' as const, text: 'Move it' },
  ],
  variables: [
    { name: 'first_name', example: 'Ana', binding: { source: 'lead' as const, field: 'firstName' as const } },
    { name: 'agent_name', example: 'Sam', binding: { source: 'company' as const, field: 'name' as const } },
    { name: 'visit_time', example: 'Monday 10:00' },
  ],
};

const poll = (templateId: string) =>
  pollTemplateApproval(
    { ...server.services, em: server.services.orm.em, providerFor: providerAdapters({ ...server.services, twilioApiUrl: fake.url }) },
    templateId,
  );

describe('drafts', () => {
  it('a draft may break WhatsApp’s rules while it is written; the view lists each problem and submitting refuses it', async () => {
    const { api } = await company();
    const draft = await api.templates.create.mutate({
      name: 'Bad Name',
      language: 'en',
      category: 'marketing',
      body: '{{first_name}} hello',
    });
    expect(draft.status).toBe('draft');
    expect(draft.variables).toEqual([{ name: 'first_name', example: '' }]);
    expect(draft.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['name', 'body', 'variables.0.example']));
    const refused = await outcome(api.templates.submitForApproval.mutate({ templateId: draft.id }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(fake.contents.size).toBe(0);
    expect((await api.templates.get.query({ id: draft.id })).template.status).toBe('draft');
  });

  it.each([
    { input: { name: '', language: 'en', category: 'utility', body: 'x' }, field: 'name' },
    { input: { name: 'x', language: 'en', category: 'promo', body: 'x' }, field: 'category' },
    {
      input: { name: 'x', language: 'en', category: 'utility', body: 'x', buttons: Array(21).fill({ type: 'quick_reply', text: 'a' }) },
      field: 'buttons',
    },
  ])('refuses malformed input with BAD_REQUEST on $field and stores nothing', async ({ input, field }) => {
    const { api } = await company();
    const data = await outcome(api.templates.create.mutate(input as never));
    expect(data.code).toBe('BAD_REQUEST');
    expect(data.zodIssues?.map((i) => i.path.join('.'))).toContain(field);
    expect(await api.templates.list.query()).toEqual([]);
  });

  it('names are unique per language; a duplicate gets a free name; an operator may read but not write', async () => {
    const { api, user, token } = await company();
    const first = await api.templates.create.mutate(reminder);
    expect((await outcome(api.templates.create.mutate(reminder))).code).toBe('CONFLICT');
    const copy = await api.templates.duplicate.mutate({ id: first.id });
    expect(copy).toMatchObject({ name: 'visit_reminder_copy', status: 'draft', body: reminder.body });
    expect((await api.templates.duplicate.mutate({ id: first.id })).name).toBe('visit_reminder_copy_2');
    await server.services.orm.em.fork().nativeUpdate(User, { id: user.id }, { role: 'operator' });
    const operator = server.client(token);
    expect((await operator.templates.list.query()).length).toBe(3);
    expect((await outcome(operator.templates.create.mutate({ ...reminder, name: 'x' }))).code).toBe('FORBIDDEN');
    expect((await outcome(operator.templates.submitForApproval.mutate({ templateId: first.id }))).code).toBe('FORBIDDEN');
  });

  it('what its columns cannot hold is a field error, never an internal one; the longest name still duplicates', async () => {
    const { api } = await company();
    const longFooter = await outcome(api.templates.create.mutate({ ...reminder, name: 'long_footer', footer: 'f'.repeat(200) }));
    expect(longFooter.code).toBe('BAD_REQUEST');
    expect(longFooter.zodIssues?.find((i) => i.path.join('.') === 'footer')?.message).toMatch(/60 characters/);
    // The live preview of a draft still explains an over-long footer instead of refusing it.
    const preview = await api.templates.preview.query({ definition: { ...reminder, footer: 'f'.repeat(200) } });
    expect(preview.issues.map((i) => i.path)).toContain('footer');

    const longest = await api.templates.create.mutate({ ...reminder, name: 'n'.repeat(512) });
    const copy = await api.templates.duplicate.mutate({ id: longest.id });
    const again = await api.templates.duplicate.mutate({ id: longest.id });
    expect([copy.name.length, again.name.length]).toEqual([512, 512]);
    expect(copy.name).toMatch(/_copy$/);
    expect(again.name).toMatch(/_copy_2$/);
  });

  it('another company’s template is NOT_FOUND everywhere', async () => {
    const a = await company();
    const b = await company();
    const t = await a.api.templates.create.mutate(reminder);
    const codes = await Promise.all(
      [
        b.api.templates.get.query({ id: t.id }),
        b.api.templates.update.mutate({ id: t.id, body: 'stolen' }),
        b.api.templates.archive.mutate({ id: t.id }),
        b.api.templates.duplicate.mutate({ id: t.id }),
        b.api.templates.submitForApproval.mutate({ templateId: t.id }),
        b.api.templates.preview.query({ templateId: t.id }),
      ].map(async (call) => (await outcome(call)).code),
    );
    expect(codes).toEqual(Array(6).fill('NOT_FOUND'));
    expect(await b.api.templates.list.query()).toEqual([]);
    expect((await a.api.templates.get.query({ id: t.id })).template.body).toBe(reminder.body);
  });
});

describe('Twilio’s approval workflow, through the real SDK against a fake Twilio', () => {
  it('submitting creates the content in Twilio’s wire format and files the WhatsApp request; polling ends on approved', async () => {
    const { api } = await company();
    const t = await api.templates.create.mutate(reminder);
    clock.advance(1000);
    const submitted = await api.templates.submitForApproval.mutate({ templateId: t.id });
    expect(submitted).toMatchObject({ status: 'pending', contentSid: expect.stringMatching(/^HX/) });
    const content = fake.contents.get(submitted.contentSid as string);
    expect(content?.request).toEqual({
      friendly_name: 'visit_reminder',
      language: 'en',
      variables: { 1: 'Ana', 2: 'Sam', 3: 'Monday 10:00' },
      types: {
        'whatsapp/card': {
          body: 'Hi {{1}}, your visit with {{2}} is on {{3}}. Reply if you need to move it.',
          header_text: 'Your visit',
          footer: 'Sunny Homes',
          actions: [
            { type: 'QUICK_REPLY', title: 'Confirm', id: 'confirm_visit' },
            { type: 'QUICK_REPLY', title: 'Move it', id: 'move_it' },
          ],
        },
      },
    });
    expect(content?.approvalRequest).toEqual({ name: 'visit_reminder', category: 'UTILITY' });
    // The worker's job polls with backoff: first in 2 s.
    const job = await server.services.queues.templateApproval.getJob(`approval-${t.id}`);
    expect(job?.opts.delay).toBe(2000);

    fake.setApproval(submitted.contentSid as string, 'pending');
    expect(await poll(t.id)).toBe('pending');
    fake.setApproval(submitted.contentSid as string, 'approved');
    clock.advance(1000);
    expect(await poll(t.id)).toBe('approved');
    const detail = await api.templates.get.query({ id: t.id });
    expect(detail.template).toMatchObject({ status: 'approved', sendable: { id: t.id, version: 1 } });
    expect(detail.history.map((h) => h.kind)).toEqual(['approved', 'submitted', 'created']);
  });

  it('a rejection is kept with WhatsApp’s reason; editing makes version 2 under a new WhatsApp name', async () => {
    const { api } = await company();
    const t = await api.templates.create.mutate({ ...reminder, name: 'promo_offer', category: 'marketing' });
    const submitted = await api.templates.submitForApproval.mutate({ templateId: t.id });
    fake.setApproval(submitted.contentSid as string, 'rejected', 'INVALID_FORMAT');
    expect(await poll(t.id)).toBe('rejected');
    const rejected = (await api.templates.get.query({ id: t.id })).template;
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'INVALID_FORMAT', sendable: null });
    expect((await outcome(api.templates.submitForApproval.mutate({ templateId: t.id }))).code).toBe('PRECONDITION_FAILED');
    const v2 = await api.templates.update.mutate({
      id: t.id,
      body: 'Hi {{first_name}}, a fresh offer from {{agent_name}} for {{visit_time}} is ready.',
    });
    expect(v2).toMatchObject({ version: 2, familyId: t.id, status: 'draft', whatsappName: 'promo_offer_v2' });
    const resubmitted = await api.templates.submitForApproval.mutate({ templateId: v2.id });
    expect(fake.contents.get(resubmitted.contentSid as string)?.approvalRequest).toEqual({ name: 'promo_offer_v2', category: 'MARKETING' });
  });

  it('Twilio refusing the content leaves the draft as it was, with Twilio’s reason', async () => {
    const { api } = await company();
    const t = await api.templates.create.mutate(reminder);
    fake.failNext.push({ status: 400, code: 21656, message: 'Invalid content' });
    const refused = await api.templates.submitForApproval.mutate({ templateId: t.id }).catch((e: Error) => e.message);
    expect(refused).toMatch(/Twilio refused the template/);
    expect((await api.templates.get.query({ id: t.id })).template).toMatchObject({ status: 'draft', contentSid: null });
  });
});

describe('versions', () => {
  it('editing an approved template adds a draft version; the approved one is sent until the new one is approved', async () => {
    const { api } = await company();
    const t = await api.templates.create.mutate(reminder);
    const v1 = await api.templates.submitForApproval.mutate({ templateId: t.id });
    fake.setApproval(v1.contentSid as string, 'approved');
    await poll(t.id);
    const v2 = await api.templates.update.mutate({ id: t.id, footer: 'Sunny Homes · reply STOP to opt out' });
    expect(v2).toMatchObject({ version: 2, status: 'draft', sendable: { id: t.id, version: 1 } });
    expect((await outcome(api.templates.update.mutate({ id: t.id, body: 'x' }))).code).toBe('CONFLICT');
    // WhatsApp knows the template by its name and language: no version may change them.
    expect((await outcome(api.templates.update.mutate({ id: v2.id, name: 'renamed' }))).code).toBe('PRECONDITION_FAILED');
    expect((await outcome(api.templates.update.mutate({ id: v2.id, language: 'es' }))).code).toBe('PRECONDITION_FAILED');
    expect((await api.templates.list.query({ sendable: true })).map((x) => [x.id, x.version])).toEqual([[t.id, 1]]);
    const submitted = await api.templates.submitForApproval.mutate({ templateId: v2.id });
    expect((await outcome(api.templates.update.mutate({ id: v2.id, body: 'x' }))).code).toBe('PRECONDITION_FAILED');
    fake.setApproval(submitted.contentSid as string, 'approved');
    await poll(v2.id);
    expect((await api.templates.list.query({ sendable: true })).map((x) => [x.id, x.version])).toEqual([[v2.id, 2]]);
    const detail = await api.templates.get.query({ id: t.id });
    expect(detail.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'approved'],
      [2, 'approved'],
    ]);
  });
});

describe('sending templates', () => {
  async function optedInLead(api: Api) {
    return api.leads.create.mutate({
      name: 'Lena Park',
      phone: `+1415${Math.floor(2e6 + Math.random() * 7e6)}`,
      whatsappOptIn: true,
      optInSource: 'web form',
    });
  }

  it('unapproved and archived templates cannot be sent (PRECONDITION_FAILED); an approved one goes with the lead’s values', async () => {
    const { api } = await company();
    const lead = await optedInLead(api);
    const t = await api.templates.create.mutate(reminder);
    const send = () =>
      api.conversations.sendTemplate.mutate({ leadId: lead.id, templateId: t.id, variables: { visit_time: 'Friday 9:00' } });
    expect((await outcome(send())).code).toBe('PRECONDITION_FAILED');
    const submitted = await api.templates.submitForApproval.mutate({ templateId: t.id });
    expect(await send().catch((e: Error) => e.message)).toBe('The template is not approved for WhatsApp yet');
    fake.setApproval(submitted.contentSid as string, 'approved');
    await poll(t.id);
    const preview = await api.templates.preview.query({ templateId: t.id, leadId: lead.id });
    expect(preview.missing).toEqual(['visit_time']);
    expect(preview.rendered.body).toBe('Hi Lena, your visit with Tpl Co is on {{visit_time}}. Reply if you need to move it.');
    expect(await api.conversations.sendTemplate.mutate({ leadId: lead.id, templateId: t.id }).catch((e: Error) => e.message)).toBe(
      'Missing template values: visit_time',
    );
    const { messageId } = await send();
    expect(await drainSends(server.services, { twilioApiUrl: fake.url })).toEqual(['sent']);
    const sent = fake.messages.find((m) => m.form.ContentSid === submitted.contentSid);
    expect(JSON.parse(sent?.form.ContentVariables as string)).toEqual({ 1: 'Lena', 2: 'Tpl Co', 3: 'Friday 9:00' });
    const stored = await server.services.orm.em.fork().findOneOrFail(Message, { id: messageId });
    expect(stored.body).toBe('Hi Lena, your visit with Tpl Co is on Friday 9:00. Reply if you need to move it.');
    await api.templates.archive.mutate({ id: t.id });
    expect(await send().catch((e: Error) => e.message)).toBe('This template is archived');
  });

  it('a lead’s button reply comes back to the conversation with its payload', async () => {
    const { api, provider } = await company();
    const lead = await optedInLead(api);
    const params = {
      MessageSid: `SM${'b'.repeat(32)}`,
      From: `whatsapp:${lead.phone}`,
      To: 'whatsapp:+14155238886',
      Body: 'Confirm',
      ButtonText: 'Confirm',
      ButtonPayload: 'confirm_visit',
      NumMedia: '0',
    };
    const res = await postWebhook(server.url, `/webhooks/twilio/${provider.id}/inbound`, params, { authToken: 'tpl-token' });
    expect(res.status).toBe(200);
    const { drainWebhookEvents } = await import('./webhook-helpers.ts');
    await drainWebhookEvents(server.services);
    const timeline = await api.conversations.timeline.query({ leadId: lead.id });
    expect(timeline.messages.at(-1)).toMatchObject({ kind: 'button_reply', body: 'Confirm', media: [{ payload: 'confirm_visit' }] });
  });
});

describe('the simulator’s review and the library', () => {
  it('the simulator approves after its review time, and rejects a body that asks for it', async () => {
    const { api } = await company('simulator');
    const ok = await api.templates.create.mutate(reminder);
    const no = await api.templates.create.mutate({ ...reminder, name: 'no_go', body: `${reminder.body} simulate reject please` });
    expect((await api.templates.submitForApproval.mutate({ templateId: ok.id })).status).toBe('pending');
    expect((await api.templates.submitForApproval.mutate({ templateId: no.id })).status).toBe('pending');
    expect(await poll(ok.id)).toBe('pending');
    clock.advance(SIMULATED_REVIEW_MS);
    expect(await poll(ok.id)).toBe('approved');
    expect(await poll(no.id)).toBe('rejected');
    expect((await api.templates.get.query({ id: no.id })).template.rejectionReason).toBe(SIMULATED_REJECTION);
  });

  it('the library has at least 30 templates across industries; a copy is the company’s own draft', async () => {
    const { api } = await company();
    const library = await api.templates.library.query();
    expect(library.length).toBeGreaterThanOrEqual(30);
    expect(new Set(library.map((t) => t.industry)).size).toBeGreaterThanOrEqual(30);
    expect(library.length).toBe(TEMPLATE_LIBRARY.length);
    const solar = await api.templates.library.query({ industry: 'solar' });
    expect(solar[0]?.key).toBe('solar_first_contact');
    const copy = await api.templates.copyFromLibrary.mutate({ key: 'solar_first_contact' });
    expect(copy).toMatchObject({ name: 'solar_first_contact', status: 'draft', libraryKey: 'solar_first_contact', issues: [] });
    expect((await api.templates.copyFromLibrary.mutate({ key: 'solar_first_contact' })).name).toBe('solar_first_contact_2');
    expect((await outcome(api.templates.copyFromLibrary.mutate({ key: 'nope' }))).code).toBe('NOT_FOUND');
  });

  it('a definition preview shows the bubble with the examples and what Twilio receives', async () => {
    const { api } = await company();
    const preview = await api.templates.preview.query({ definition: reminder });
    expect(preview.rendered).toMatchObject({
      header: { type: 'text', text: 'Your visit' },
      body: 'Hi Ana, your visit with Sam is on Monday 10:00. Reply if you need to move it.',
      footer: 'Sunny Homes',
    });
    expect(preview.twilio).toEqual({
      contentType: 'whatsapp/card',
      body: 'Hi {{1}}, your visit with {{2}} is on {{3}}. Reply if you need to move it.',
      variables: { 1: 'first_name', 2: 'agent_name', 3: 'visit_time' },
    });
    expect(preview.issues).toEqual([]);
  });
});
