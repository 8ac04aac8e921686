export * from './agent.ts';
export * from './auth-session.ts';
export * from './channel.ts';
export * from './company.ts';
export * from './consent-event.ts';
export * from './interaction-attempt.ts';
export * from './lead.ts';
export * from './lead-bulk-operation.ts';
export * from './lead-import.ts';
export * from './message.ts';
export * from './template.ts';
export * from './template-event.ts';
export * from './user.ts';
export * from './webhook-event.ts';
export * from './whatsapp-provider.ts';
export * from './whatsapp-session.ts';

import { AgentSchema } from './agent.ts';
import { AuthSessionSchema } from './auth-session.ts';
import { CompanySchema } from './company.ts';
import { ConsentEventSchema } from './consent-event.ts';
import { InteractionAttemptSchema } from './interaction-attempt.ts';
import { LeadSchema } from './lead.ts';
import { LeadBulkOperationSchema } from './lead-bulk-operation.ts';
import { LeadImportChunkSchema, LeadImportRejectionSchema, LeadImportSchema } from './lead-import.ts';
import { MessageSchema } from './message.ts';
import { TemplateSchema } from './template.ts';
import { TemplateEventSchema } from './template-event.ts';
import { UserSchema } from './user.ts';
import { WebhookEventSchema } from './webhook-event.ts';
import { WhatsappProviderSchema } from './whatsapp-provider.ts';
import { WhatsappSessionSchema } from './whatsapp-session.ts';

export const ALL_ENTITIES = [
  CompanySchema,
  UserSchema,
  AuthSessionSchema,
  AgentSchema,
  LeadSchema,
  ConsentEventSchema,
  WhatsappProviderSchema,
  TemplateSchema,
  TemplateEventSchema,
  WhatsappSessionSchema,
  MessageSchema,
  InteractionAttemptSchema,
  WebhookEventSchema,
  LeadImportSchema,
  LeadImportChunkSchema,
  LeadImportRejectionSchema,
  LeadBulkOperationSchema,
];
