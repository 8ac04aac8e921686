import { describe, expect, it } from 'vitest';
import type { MessageStatus } from '../src/entities/message.ts';
import { consentIntent } from '../src/messaging/consent-keywords.ts';
import { fromTwilioStatus, shouldApplyStatus } from '../src/messaging/message-status.ts';
import { canSendFreeForm, WINDOW_MS, windowEndsAt, windowState } from '../src/messaging/session-window.ts';
import { twilioErrorMeaning } from '../src/messaging/twilio-errors.ts';

describe('a message’s status only moves forward', () => {
  it.each<[MessageStatus, MessageStatus, boolean]>([
    ['queued', 'sending', true],
    ['queued', 'sent', true],
    ['sending', 'sent', true],
    ['sent', 'delivered', true],
    ['delivered', 'read', true],
    ['sent', 'read', true],
    ['read', 'delivered', false],
    ['delivered', 'sent', false],
    ['read', 'sent', false],
    ['sent', 'sent', false],
    ['sending', 'queued', false],
    ['queued', 'failed', true],
    ['sent', 'failed', true],
    ['sent', 'undelivered', true],
    ['delivered', 'failed', false],
    ['read', 'undelivered', false],
    ['failed', 'undelivered', false],
    ['failed', 'sent', false],
    ['undelivered', 'delivered', true],
    ['failed', 'read', true],
    ['received', 'read', false],
  ])('%s → %s: %s', (current, incoming, applies) => {
    expect(shouldApplyStatus(current, incoming)).toBe(applies);
  });

  it('every order of sent, delivered and read ends on read', () => {
    const orders = [
      ['sent', 'delivered', 'read'],
      ['sent', 'read', 'delivered'],
      ['delivered', 'sent', 'read'],
      ['delivered', 'read', 'sent'],
      ['read', 'sent', 'delivered'],
      ['read', 'delivered', 'sent'],
    ] as const;
    for (const order of orders) {
      let status: MessageStatus = 'sending';
      for (const incoming of [...order, ...order]) if (shouldApplyStatus(status, incoming)) status = incoming;
      expect(status, order.join(',')).toBe('read');
    }
  });

  it.each([
    ['accepted', 'queued'],
    ['scheduled', 'queued'],
    ['sending', 'sending'],
    ['read', 'read'],
    ['undelivered', 'undelivered'],
    ['canceled', 'failed'],
    ['partially_delivered', null],
    ['bogus', null],
  ])('Twilio %s is our %s', (twilio, ours) => {
    expect(fromTwilioStatus(twilio)).toBe(ours);
  });
});

describe('the 24-hour window', () => {
  const inbound = new Date('2026-03-28T23:30:00Z');
  const ends = windowEndsAt(inbound);
  it.each([
    { at: '2026-03-28T23:30:00Z', open: true, freeForm: true },
    { at: '2026-03-29T23:00:00Z', open: true, freeForm: true },
    { at: '2026-03-29T23:25:00Z', open: true, freeForm: false }, // inside the 10-minute safety margin
    { at: '2026-03-29T23:30:00Z', open: false, freeForm: false },
    { at: '2026-04-02T00:00:00Z', open: false, freeForm: false },
  ])('at $at: open=$open, free-form=$freeForm', ({ at, open, freeForm }) => {
    expect(windowState(ends, new Date(at)).open).toBe(open);
    expect(canSendFreeForm(ends, new Date(at))).toBe(freeForm);
  });
  it('ends 24 h after the last inbound message and is closed without one', () => {
    expect(ends.getTime() - inbound.getTime()).toBe(WINDOW_MS);
    expect(windowState(null, new Date())).toEqual({ open: false, endsAt: null, remainingMs: 0 });
    expect(windowState(ends, new Date('2026-03-29T22:30:00Z')).remainingMs).toBe(60 * 60 * 1000);
  });
});

describe('opt-out and opt-in words', () => {
  it.each([
    ['STOP', 'opt_out'],
    ['stop', 'opt_out'],
    ['  Stop.  ', 'opt_out'],
    ['Stop!', 'opt_out'],
    ['UNSUBSCRIBE', 'opt_out'],
    ['cancel', 'opt_out'],
    ['End', 'opt_out'],
    ['quit', 'opt_out'],
    ['PARAR', 'opt_out'],
    ['Cancelar', 'opt_out'],
    ['darme de baja', 'opt_out'],
    ['no más', 'opt_out'],
    ['sair', 'opt_out'],
    ['não quero', 'opt_out'],
    ['ARRÊT', 'opt_out'],
    ['désabonner', 'opt_out'],
    ['STOPP', 'opt_out'],
    ['abmelden', 'opt_out'],
    ['kündigen', 'opt_out'],
    ['START', 'opt_in'],
    ['start', 'opt_in'],
    ['unstop', 'opt_in'],
    ['Comenzar', 'opt_in'],
    ['começar', 'opt_in'],
    ['démarrer', 'opt_in'],
    ['please stop calling me at work', null],
    ['stopping by later', null],
    ['Can we start on Monday?', null],
    ['', null],
    ['👍', null],
  ])('%j → %s', (body, intent) => {
    expect(consentIntent(body)).toBe(intent);
  });
});

describe('Twilio errors', () => {
  it.each([
    [63016, 'permanent', /Outside the 24-hour window/],
    [63024, 'permanent', /Invalid recipient/],
    [63018, 'retry_later', /rate limit/],
    [20429, 'retry_later', /Too many requests/],
    [21610, 'permanent', /opted out/],
    [99999, 'permanent', /Twilio error 99999: Something odd/],
  ])('%i → %s', (code, handling, reason) => {
    const meaning = twilioErrorMeaning(code, 'Something odd');
    expect(meaning.handling).toBe(handling);
    expect(meaning.reason).toMatch(reason);
  });
  it('63016 marks the window as the cause', () => {
    expect(twilioErrorMeaning(63016).outsideWindow).toBe(true);
  });
});
