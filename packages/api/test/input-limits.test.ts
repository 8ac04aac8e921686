// Every string an API input accepts fits where it is stored. The test walks every zod input schema of the routers
// (each `*.schema.ts`, the domain schemas they embed included) down to its strings, and each string must be
// accounted for below: a column, whose length the ORM's metadata gives and the schema's maximum must not pass; or a
// place with no length to pass (text, JSON, an array), or no place at all (a filter, a password). A new input
// field fails here until someone says where it goes, so a limit wider than its column (a 500 with the database's
// message) cannot come back unnoticed.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Agent, Company, ConsentEvent, Lead, type Orm, openOrm, Template, User, WhatsappProvider } from '@switchboard/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { z } from 'zod';

type Schema = z.core.$ZodType;
interface StringLeaf {
  path: string;
  format: string;
  max: number | undefined;
}

// Entity, property: where a string is stored with a length. Several columns when one input lands in several.
type Column = readonly [entity: new () => object, property: string];
type Place = { columns: readonly Column[] } | { unbounded: string };

const col = (...columns: Column[]): Place => ({ columns });
const unbounded = (why: string): Place => ({ unbounded: why });

const CONSENT_SOURCE: Column[] = [
  [ConsentEvent, 'source'],
  [Lead, 'whatsappOptInSource'],
];

/** First match wins. Paths read `<file>.<export>.<field>…`, `[]` for an array's items, `{}` for a record's values, `|n` for a union's nth option. */
const PLACES: readonly (readonly [RegExp, Place])[] = [
  // auth
  [/^auth\.signUpInput\.companyName$/, col([Company, 'name'])],
  [/^auth\.updateCompanyInput\.name$/, col([Company, 'name'])],
  [/^auth\.(signUpInput|updateCompanyInput)\.timezone$/, col([Company, 'timezone'])],
  [/^auth\.signUpInput\.name$/, col([User, 'name'])],
  [/^auth\.(signUpInput|loginInput)\.email$/, col([User, 'email'])],
  [/^auth\.\w+\.password$/, unbounded('never stored: only its argon2id hash (text)')],
  // agents
  [/^agents\.(createAgentInput|updateAgentInput|fromLibraryInput)\.name$/, col([Agent, 'name'])],
  [/^agents\.(createAgentInput|updateAgentInput)\.industry$/, col([Agent, 'industry'])],
  [/^agents\.(createAgentInput|updateAgentInput)\.prompt$/, unbounded('agents.prompt is text')],
  [/^agents\.(createAgentInput|updateAgentInput)\.settings\./, unbounded('agents.settings is JSON')],
  // conversations
  [/^conversations\.(sendTextInput\.text|sendMediaInput\.caption|simulateInboundInput\.body)$/, unbounded('messages.body is text')],
  [/^conversations\.sendMediaInput\.mediaUrl$/, unbounded('messages.media is JSON')],
  [/^conversations\.sendTemplateInput\.variables(\{key\}|\{\})$/, unbounded('messages.template_variables is JSON')],
  [/^conversations\.conversationListInput\.after$/, unbounded('a page position: never stored')],
  [/^conversations\.simulateInboundInput\.phone$/, unbounded('never stored as typed: parsed to E.164 (16 characters at most)')],
  // leads
  [/^leads\.(createLeadInput|updateLeadInput)\.name$/, col([Lead, 'name'])],
  [/^leads\.(createLeadInput|updateLeadInput)\.email$/, col([Lead, 'email'])],
  [/^leads\.(createLeadInput|updateLeadInput)\.timezone$/, col([Lead, 'timezone'])],
  [/^leads\.(createLeadInput|updateLeadInput)\.phone$/, unbounded('never stored as typed: parsed to E.164 (16 characters at most)')],
  [/^leads\.(createLeadInput|updateLeadInput|startImportInput)\.tags\[\]$/, unbounded('leads.tags is text[]')],
  [/^leads\.(createLeadInput|updateLeadInput)\.customFields(\{key\}|\{\})$/, unbounded('leads.custom_fields is JSON')],
  [/^leads\.(createLeadInput\.optInSource|setConsentInput\.source|startImportInput\.consentSource)$/, col(...CONSENT_SOURCE)],
  [/^leads\.bulkInput\.action\|\d+\.source$/, col(...CONSENT_SOURCE)],
  [/^leads\.bulkInput\.action\|\d+\.tag$/, unbounded('leads.tags is text[] (and the action is JSON)')],
  [/^leads\.bulkInput\.action\|\d+\.variables(\{key\}|\{\})$/, unbounded('messages.template_variables is JSON')],
  [/^leads\.bulkInput\.target\|\d+\.filter\./, unbounded('lead_bulk_operations.target is JSON')],
  [/^leads\.(listLeadsInput|countLeadsInput)\./, unbounded('a filter or a page position: never stored')],
  [/^leads\.startImportInput\.(mapping\[\]|defaultCountry)$/, unbounded('lead_imports.mapping and options are JSON')],
  // providers
  [/^providers\.upsertWhatsAppInput\.accountSid$/, col([WhatsappProvider, 'accountSid'])],
  [/^providers\.upsertWhatsAppInput\.from$/, col([WhatsappProvider, 'sender'])],
  [/^providers\.upsertWhatsAppInput\.authToken$/, unbounded('stored sealed (AES-256-GCM) in a text column')],
  // templates
  [/^templates\.(templateDefinitionInput|updateTemplateInput)\.name$/, col([Template, 'name'])],
  [/^templates\.(templateDefinitionInput|updateTemplateInput)\.language$/, col([Template, 'language'])],
  [/^templates\.(templateDefinitionInput|updateTemplateInput)\.footer$/, col([Template, 'footer'])],
  [/^templates\.(templateDefinitionInput|updateTemplateInput)\.body$/, unbounded('templates.body is text')],
  [/^templates\.(templateDefinitionInput|updateTemplateInput)\.(header|buttons|variables)/, unbounded('JSON columns')],
  [/^templates\.copyFromLibraryInput\.key$/, col([Template, 'libraryKey'])],
  [/^templates\.previewInput\|/, unbounded('a preview: rendered, never stored')],
  [/^templates\.listTemplatesInput\./, unbounded('a filter: never stored')],
];

/** Strings found under a schema, with their formats and maximum lengths. Ids (uuid) are fixed-size and skipped. */
function stringsOf(schema: Schema, path: string, out: StringLeaf[] = []): StringLeaf[] {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const inner = (key: string) => def[key] as Schema;
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, Schema>)) stringsOf(value, `${path}.${key}`, out);
      break;
    case 'array':
      stringsOf(inner('element'), `${path}[]`, out);
      break;
    case 'record':
      stringsOf(inner('keyType'), `${path}{key}`, out);
      stringsOf(inner('valueType'), `${path}{}`, out);
      break;
    case 'union':
      (def.options as Schema[]).forEach((option, i) => {
        stringsOf(option, `${path}|${i}`, out);
      });
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      stringsOf(inner('innerType'), path, out);
      break;
    case 'pipe':
      stringsOf(inner('in'), path, out);
      break;
    case 'string': {
      const format = (def.format as string | undefined) ?? 'string';
      if (format === 'uuid') break;
      const maxima = (def.checks ?? [])
        .map((check) => check._zod.def as { check: string; maximum?: number })
        .filter((check) => check.check === 'max_length')
        .map((check) => check.maximum as number);
      out.push({ path, format, max: maxima.length ? Math.min(...maxima) : undefined });
      break;
    }
    case 'custom':
      out.push({ path, format: 'custom', max: undefined });
      break;
  }
  return out;
}

const routerDir = fileURLToPath(new URL('../src/router/', import.meta.url));

async function inputStrings(): Promise<StringLeaf[]> {
  const leaves: StringLeaf[] = [];
  for (const file of readdirSync(routerDir).filter((f) => f.endsWith('.schema.ts'))) {
    const module = (await import(`${routerDir}${file}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (value && typeof value === 'object' && '_zod' in value)
        stringsOf(value as Schema, `${file.replace('.schema.ts', '')}.${name}`, leaves);
    }
  }
  return leaves;
}

let orm: Orm;
beforeAll(async () => {
  orm = await openOrm(inject('databaseUrl'));
});
afterAll(() => orm.close());

describe('API input limits', () => {
  it('every input string is accounted for, and none is longer than the column it is stored in', async () => {
    const leaves = await inputStrings();
    expect(leaves.length).toBeGreaterThan(100);
    const unplaced: string[] = [];
    const tooLong: string[] = [];
    for (const leaf of leaves) {
      const place = PLACES.find(([pattern]) => pattern.test(leaf.path))?.[1];
      if (!place) {
        unplaced.push(leaf.path);
        continue;
      }
      if (!('columns' in place)) continue;
      for (const [entity, property] of place.columns) {
        const meta = orm.getMetadata().get(entity);
        const length = meta.properties[property as never]?.length as number | undefined;
        if (length === undefined) throw new Error(`${meta.className}.${property} has no length: map ${leaf.path} to a bounded column`);
        if (leaf.max === undefined || leaf.max > length)
          tooLong.push(`${leaf.path} allows ${leaf.max ?? 'any length'}, ${meta.tableName}.${property} holds ${length}`);
      }
    }
    expect(unplaced, 'input strings with no place in the table above').toEqual([]);
    expect(tooLong).toEqual([]);
  });
});
