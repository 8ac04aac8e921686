// What a message that could not be sent says about why, and which database failures are one row's fault.
import { describe, expect, it } from 'vitest';
import { describeSendError } from '../src/conversations/give-up-on-message.ts';
import { isRowRefusal } from '../src/db/row-refusal.ts';
import { CredentialsUnreadable } from '../src/providers/provider-factory.ts';

const pgError = (code: string, message = 'refused') => Object.assign(new Error(message), { code, severity: 'ERROR' });

describe('describeSendError: one readable line, never a stack', () => {
  it.each([
    ['an error’s message', new Error('Could not reach Twilio: other side closed'), 'Could not reach Twilio: other side closed'],
    [
      'only its first line',
      new Error('relation "messages" does not exist\n    at Parser.parseErrorMessage'),
      'relation "messages" does not exist',
    ],
    [
      'an unreachable database (AggregateError without a message of its own)',
      Object.assign(new AggregateError([new Error('connect ECONNREFUSED 127.0.0.1:5432')], ''), { code: 'ECONNREFUSED' }),
      'connect ECONNREFUSED 127.0.0.1:5432',
    ],
    ['an error with only a code', Object.assign(new Error(''), { code: 'ETIMEDOUT' }), 'ETIMEDOUT'],
    ['a thrown string', 'redis went away', 'redis went away'],
    ['something else thrown', { weird: true }, 'an unexpected error'],
    [
      'a token that no longer decrypts',
      new CredentialsUnreadable({ cause: new Error('bad tag') }),
      expect.stringMatching(/^the WhatsApp sender’s stored credentials could not be decrypted/),
    ],
    ['a very long message, cut', new Error('x'.repeat(500)), `${'x'.repeat(199)}…`],
  ])('%s', (_case, error, expected) => {
    expect(describeSendError(error)).toEqual(expected);
  });
});

describe('isRowRefusal: run again row by row only when PostgreSQL refused something in the rows', () => {
  it.each([
    ['a check constraint', pgError('23514'), true],
    ['a unique violation', pgError('23505'), true],
    ['a raise from a trigger', pgError('P0001'), true],
    ['a value out of range', pgError('22003'), true],
    ['a deadlock', pgError('40P01'), true],
    ['the connection lost', pgError('08006'), false],
    ['the server shutting down', pgError('57P01'), false],
    ['out of connections', pgError('53300'), false],
    ['a syntax error in the statement', pgError('42601'), false],
    ['a network error (no SQLSTATE)', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), false],
    ['a five-letter system code that is not a SQLSTATE', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }), false],
    ['not an error', null, false],
  ])('%s', (_case, error, expected) => {
    expect(isRowRefusal(error)).toBe(expected);
  });
});
