// A person who signs in to the console, with one role inside one company.
import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, uuidKey } from './common-properties.ts';
import { Company } from './company.ts';

export const USER_ROLES = ['admin', 'manager', 'operator'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: uuidKey(),
    company: () => p.manyToOne(Company).ref().index(),
    name: p.string().length(200),
    // Stored lower-cased; unique across companies so login needs only the email.
    email: p.string().length(320).unique(),
    passwordHash: p.text().hidden(),
    role: p.enum(USER_ROLES),
    createdAt: createdAt(),
  },
});
export class User extends UserSchema.class {}
UserSchema.setClass(User);
