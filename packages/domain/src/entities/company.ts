// A tenant: every other row belongs to exactly one company.
import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, uuidKey } from './common-properties.ts';
import { COMPANY_REFERENCE_TRIGGERS } from './reference-checks.ts';

export const CompanySchema = defineEntity({
  name: 'Company',
  tableName: 'companies',
  properties: {
    id: uuidKey(),
    name: p.string().length(200),
    timezone: p.string().length(64).default('UTC'),
    createdAt: createdAt(),
  },
  triggers: COMPANY_REFERENCE_TRIGGERS,
});
export class Company extends CompanySchema.class {}
CompanySchema.setClass(Company);
