// A console sign-in. Only the SHA-256 of the opaque token is stored, so a database leak yields no usable token.
import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, uuidKey } from './common-properties.ts';
import { Company } from './company.ts';
import { User } from './user.ts';

export const AuthSessionSchema = defineEntity({
  name: 'AuthSession',
  tableName: 'auth_sessions',
  properties: {
    id: uuidKey(),
    company: () => p.manyToOne(Company).ref().index(),
    user: () => p.manyToOne(User).ref().index(),
    tokenHash: p.string().length(64).unique(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    createdAt: createdAt(),
  },
});
export class AuthSession extends AuthSessionSchema.class {}
AuthSessionSchema.setClass(AuthSession);
