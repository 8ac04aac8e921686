// A tenant: every other row belongs to exactly one company.
import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, uuidKey } from './common-properties.ts';

export const CompanySchema = defineEntity({
  name: 'Company',
  tableName: 'companies',
  properties: {
    id: uuidKey(),
    name: p.string().length(200),
    timezone: p.string().length(64).default('UTC'),
    createdAt: createdAt(),
  },
});
export class Company extends CompanySchema.class {}
CompanySchema.setClass(Company);
