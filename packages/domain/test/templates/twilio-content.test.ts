import { describe, expect, it } from 'vitest';
import type { TemplateDefinition } from '../../src/templates/template-definition.ts';
import {
  type ApprovalStatus,
  approvalRequestBody,
  type ContentTypeKey,
  contentCreateRequest,
  contentTypeFor,
  parseApprovalStatus,
  whatsappTemplateName,
} from '../../src/templates/twilio-content.ts';
import { AGENT_NAME, FIRST_NAME, greeting, plain } from './template-fixtures.ts';

const IMAGE = { type: 'image', url: 'https://cdn.example.com/spring.jpg' } as const;
const QUICK = [
  { type: 'quick_reply', text: 'Yes, call me', payload: 'call_me' },
  { type: 'quick_reply', text: 'Not now' },
] as const;
const LINK = { type: 'url', text: 'See offers', url: 'https://example.com/offers/{{offer_code}}' } as const;
const CALL = { type: 'phone', text: 'Call us', phone: '+14155550123' } as const;

describe('the content type follows what the template holds', () => {
  it.each<[string, Partial<TemplateDefinition>, ContentTypeKey]>([
    ['text only', {}, 'twilio/text'],
    ['an image header', { header: IMAGE }, 'twilio/media'],
    ['a document header', { header: { type: 'document', url: 'https://cdn.example.com/a.pdf' } }, 'twilio/media'],
    ['quick replies', { buttons: [...QUICK] }, 'twilio/quick-reply'],
    ['a link button', { buttons: [LINK] }, 'twilio/call-to-action'],
    ['a call button', { buttons: [CALL] }, 'twilio/call-to-action'],
    ['a text header', { header: { type: 'text', text: 'Spring offer' } }, 'whatsapp/card'],
    ['a footer', { footer: 'Reply STOP to opt out' }, 'whatsapp/card'],
    ['an image and quick replies', { header: IMAGE, buttons: [...QUICK] }, 'whatsapp/card'],
    ['an authentication template', { category: 'authentication' }, 'whatsapp/authentication'],
  ])('%s → %s', (_, overrides, type) => {
    expect(contentTypeFor(plain(overrides))).toBe(type);
  });
});

describe('the Content API create body, in Twilio’s wire JSON', () => {
  const offer = { name: 'offer_code', example: 'SPRING24' };

  it('twilio/text: numbered body and the examples as variables', () => {
    expect(contentCreateRequest(greeting())).toEqual({
      friendly_name: 'spring_offer',
      language: 'en',
      variables: { '1': 'Ana', '2': 'Sam' },
      types: { 'twilio/text': { body: 'Hi {{1}}, this is {{2}} from Acme. Would you like a quick call about your enquiry?' } },
    });
  });

  it('omits variables when there are none, and takes a versioned friendly name', () => {
    expect(contentCreateRequest(plain({ language: 'pt_BR' }), { friendlyName: 'spring_offer_v2' })).toEqual({
      friendly_name: 'spring_offer_v2',
      language: 'pt_BR',
      types: { 'twilio/text': { body: 'Our spring offer is here. Would you like to hear more?' } },
    });
  });

  it('twilio/media: the header’s file as media', () => {
    expect(contentCreateRequest(greeting({ header: IMAGE })).types).toEqual({
      'twilio/media': { body: 'Hi {{1}}, this is {{2}} from Acme. Would you like a quick call about your enquiry?', media: [IMAGE.url] },
    });
  });

  it('twilio/quick-reply: title and id per button, the id defaulting to a slug of the text', () => {
    expect(contentCreateRequest(greeting({ buttons: [...QUICK] })).types).toEqual({
      'twilio/quick-reply': {
        body: 'Hi {{1}}, this is {{2}} from Acme. Would you like a quick call about your enquiry?',
        actions: [
          { title: 'Yes, call me', id: 'call_me' },
          { title: 'Not now', id: 'not_now' },
        ],
      },
    });
  });

  it('twilio/call-to-action: URL and PHONE_NUMBER actions, the URL variable numbered after the body’s', () => {
    const request = contentCreateRequest(greeting({ buttons: [LINK, CALL], variables: [FIRST_NAME, AGENT_NAME, offer] }));
    expect(request).toEqual({
      friendly_name: 'spring_offer',
      language: 'en',
      variables: { '1': 'Ana', '2': 'Sam', '3': 'SPRING24' },
      types: {
        'twilio/call-to-action': {
          body: 'Hi {{1}}, this is {{2}} from Acme. Would you like a quick call about your enquiry?',
          actions: [
            { type: 'URL', title: 'See offers', url: 'https://example.com/offers/{{3}}' },
            { type: 'PHONE_NUMBER', title: 'Call us', phone: '+14155550123' },
          ],
        },
      },
    });
  });

  it('whatsapp/card: header text, footer and buttons together', () => {
    const def = greeting({
      header: { type: 'text', text: 'Offers in {{city}}' },
      footer: 'Reply STOP to opt out',
      buttons: [...QUICK],
      variables: [FIRST_NAME, AGENT_NAME, { name: 'city', example: 'Lisbon' }],
    });
    expect(contentCreateRequest(def)).toEqual({
      friendly_name: 'spring_offer',
      language: 'en',
      variables: { '1': 'Ana', '2': 'Sam', '3': 'Lisbon' },
      types: {
        'whatsapp/card': {
          body: 'Hi {{1}}, this is {{2}} from Acme. Would you like a quick call about your enquiry?',
          header_text: 'Offers in {{3}}',
          footer: 'Reply STOP to opt out',
          actions: [
            { type: 'QUICK_REPLY', title: 'Yes, call me', id: 'call_me' },
            { type: 'QUICK_REPLY', title: 'Not now', id: 'not_now' },
          ],
        },
      },
    });
  });

  it('whatsapp/card: an image with link buttons', () => {
    expect(contentCreateRequest(plain({ header: IMAGE, buttons: [CALL] })).types).toEqual({
      'whatsapp/card': {
        body: 'Our spring offer is here. Would you like to hear more?',
        media: [IMAGE.url],
        actions: [{ type: 'PHONE_NUMBER', title: 'Call us', phone: '+14155550123' }],
      },
    });
  });

  it('whatsapp/authentication: WhatsApp’s own code message with a copy-code button', () => {
    const otp = plain({
      name: 'login_code',
      category: 'authentication',
      body: 'Your verification code is {{code}}. Do not share it with anyone.',
      variables: [{ name: 'code', example: '482913' }],
    });
    expect(contentCreateRequest(otp, { codeExpirationMinutes: 10 })).toEqual({
      friendly_name: 'login_code',
      language: 'en',
      variables: { '1': '482913' },
      types: {
        'whatsapp/authentication': {
          add_security_recommendation: true,
          code_expiration_minutes: 10,
          actions: [{ type: 'COPY_CODE', copy_code_text: 'Copy code' }],
        },
      },
    });
  });

  it('uses no camelCase key anywhere (the SDK posts the body as it is)', () => {
    const def = greeting({ header: { type: 'text', text: 'Hi' }, footer: 'Bye', buttons: [...QUICK] });
    const json = JSON.stringify(contentCreateRequest(def));
    expect(json).not.toMatch(/"(friendlyName|twilioText|twilioQuickReply|headerText|whatsappCard)"/);
    expect(json).toContain('"friendly_name"');
    expect(json).toContain('"header_text"');
  });

  it('examples with line breaks are sent on one line, as at send time', () => {
    const def = greeting({ variables: [{ ...FIRST_NAME, example: 'Ana\nMaría' }, AGENT_NAME] });
    expect(contentCreateRequest(def).variables).toEqual({ '1': 'Ana María', '2': 'Sam' });
  });
});

describe('the WhatsApp approval request', () => {
  it.each<[TemplateDefinition['category'], string]>([
    ['marketing', 'MARKETING'],
    ['utility', 'UTILITY'],
    ['authentication', 'AUTHENTICATION'],
  ])('category %s is sent as %s', (category, wire) => {
    expect(approvalRequestBody(plain({ category }))).toEqual({ name: 'spring_offer', category: wire });
  });

  it.each([
    [undefined, 'spring_offer'],
    [1, 'spring_offer'],
    [2, 'spring_offer_v2'],
    [13, 'spring_offer_v13'],
  ])('version %s is submitted as %s', (version, name) => {
    expect(whatsappTemplateName('spring_offer', version)).toBe(name);
    expect(approvalRequestBody(plain(), { version }).name).toBe(name);
  });

  it('sends the time-to-live as send_ttl_seconds', () => {
    expect(approvalRequestBody(plain({ category: 'utility' }), { sendTtlSeconds: 3600 })).toEqual({
      name: 'spring_offer',
      category: 'UTILITY',
      send_ttl_seconds: 3600,
    });
  });
});

describe('reading Twilio’s approval status', () => {
  const fetched = (whatsapp: unknown) => ({
    sid: 'HX123',
    account_sid: 'AC123',
    whatsapp,
    url: 'https://content.twilio.com/v1/Content/HX123/ApprovalRequests',
  });
  it.each<[string, unknown, ApprovalStatus]>([
    [
      'approved',
      fetched({ status: 'approved', name: 'x', category: 'UTILITY' }),
      { status: 'approved', rejectionReason: null, whatsappStatus: 'approved' },
    ],
    [
      'rejected with a reason',
      fetched({ status: 'rejected', rejection_reason: 'Content too generic' }),
      { status: 'rejected', rejectionReason: 'Content too generic', whatsappStatus: 'rejected' },
    ],
    [
      'rejected with an empty reason',
      fetched({ status: 'rejected', rejection_reason: '' }),
      { status: 'rejected', rejectionReason: null, whatsappStatus: 'rejected' },
    ],
    [
      'rejected with reason NONE',
      fetched({ status: 'rejected', rejection_reason: 'NONE' }),
      { status: 'rejected', rejectionReason: null, whatsappStatus: 'rejected' },
    ],
    [
      'rejected with a null reason',
      fetched({ status: 'rejected', rejection_reason: null }),
      { status: 'rejected', rejectionReason: null, whatsappStatus: 'rejected' },
    ],
    [
      'pending',
      fetched({ status: 'pending', rejection_reason: '' }),
      { status: 'pending', rejectionReason: null, whatsappStatus: 'pending' },
    ],
    ['received', fetched({ status: 'received' }), { status: 'pending', rejectionReason: null, whatsappStatus: 'received' }],
    ['unsubmitted', fetched({ status: 'unsubmitted' }), { status: 'pending', rejectionReason: null, whatsappStatus: 'unsubmitted' }],
    ['paused (may come back)', fetched({ status: 'paused' }), { status: 'pending', rejectionReason: null, whatsappStatus: 'paused' }],
    [
      'disabled (for good)',
      fetched({ status: 'disabled' }),
      { status: 'rejected', rejectionReason: 'WhatsApp disabled this template after negative feedback', whatsappStatus: 'disabled' },
    ],
    ['APPROVED in capitals', fetched({ status: 'APPROVED' }), { status: 'approved', rejectionReason: null, whatsappStatus: 'approved' }],
    ['an unknown status', fetched({ status: 'IN_APPEAL' }), { status: 'pending', rejectionReason: null, whatsappStatus: 'in_appeal' }],
    [
      'a reason on an approved template is dropped',
      fetched({ status: 'approved', rejection_reason: 'old' }),
      { status: 'approved', rejectionReason: null, whatsappStatus: 'approved' },
    ],
    ['no status', fetched({}), { status: 'pending', rejectionReason: null, whatsappStatus: null }],
    ['a status that is a number', fetched({ status: 42 }), { status: 'pending', rejectionReason: null, whatsappStatus: null }],
    ['whatsapp is null', fetched(null), { status: 'pending', rejectionReason: null, whatsappStatus: null }],
    ['whatsapp is a string', fetched('approved'), { status: 'pending', rejectionReason: null, whatsappStatus: null }],
    ['no whatsapp at all', { sid: 'HX123' }, { status: 'pending', rejectionReason: null, whatsappStatus: null }],
    ['an empty object', {}, { status: 'pending', rejectionReason: null, whatsappStatus: null }],
    ['null', null, { status: 'pending', rejectionReason: null, whatsappStatus: null }],
    ['a string', 'approved', { status: 'pending', rejectionReason: null, whatsappStatus: null }],
    ['an array', [{ status: 'approved' }], { status: 'pending', rejectionReason: null, whatsappStatus: null }],
    [
      'the SDK’s camelCase reason',
      fetched({ status: 'rejected', rejectionReason: 'Wrong category' }),
      { status: 'rejected', rejectionReason: 'Wrong category', whatsappStatus: 'rejected' },
    ],
    [
      'a ContentAndApprovals item',
      { sid: 'HX1', approval_requests: { status: 'rejected', rejection_reason: 'Promotional content in utility' } },
      { status: 'rejected', rejectionReason: 'Promotional content in utility', whatsappStatus: 'rejected' },
    ],
    [
      'the approval-create response',
      {
        name: 'spring_offer',
        category: 'MARKETING',
        content_type: 'twilio/text',
        status: 'received',
        rejection_reason: '',
        allow_category_change: true,
      },
      { status: 'pending', rejectionReason: null, whatsappStatus: 'received' },
    ],
  ])('%s', (_, response, parsed) => {
    expect(parseApprovalStatus(response)).toEqual(parsed);
  });
});
