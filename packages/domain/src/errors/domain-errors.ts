// Typed failures of the domain. The api layer maps each kind to one tRPC code, in one place.
export type DomainErrorKind = 'not_found' | 'unauthorized' | 'forbidden' | 'conflict' | 'precondition' | 'rate_limited' | 'invalid';

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  constructor(kind: DomainErrorKind, message: string) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const unauthorized = (message = 'Sign in again') => new DomainError('unauthorized', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const conflict = (message: string) => new DomainError('conflict', message);
export const precondition = (message: string) => new DomainError('precondition', message);
export const rateLimited = (message: string) => new DomainError('rate_limited', message);
