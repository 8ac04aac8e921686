// A company's templates: write and edit drafts, version what WhatsApp has seen, archive, duplicate, and copy from
// the industry library. Drafts may break WhatsApp's rules while being written (the view lists the problems);
// submitting refuses them (template-approval.ts).
//
// Versions: a draft never submitted is edited in place. Once submitted, a version is WhatsApp's: editing an
// approved or rejected version adds a new draft version (WhatsApp will not take a rejected name again), and the
// approved one stays the one sends use until the new one is approved. A version under review cannot change.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Template } from '../entities/template.ts';
import { TemplateEvent, type TemplateEventKind } from '../entities/template-event.ts';
import { conflict, notFound, precondition } from '../errors/domain-errors.ts';
import type { EventStream } from '../events/event-stream.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';
import { type TemplateDefinition, type TemplateDefinitionInput, templateDefinitionSchema } from './template-definition.ts';
import { libraryTemplate } from './template-library.ts';
import { TEMPLATE_LIMITS } from './template-validation.ts';
import { templateVariableOrder } from './template-variables.ts';
import { definitionOf, type TemplateHistoryEntry, type TemplateView, toHistoryEntry, toTemplateView } from './template-view.ts';

export interface TemplateDeps {
  events: EventStream;
}

export type TemplateChanges = Partial<TemplateDefinitionInput>;

/** Every version of a template, oldest first. */
export async function templateFamily(scope: TenantScope, familyId: string): Promise<Template[]> {
  return scope.find(Template, { familyId }, { orderBy: { version: 'asc' } });
}

const newest = (family: Template[]) => family[family.length - 1] as Template;

export function recordTemplateEvent(
  scope: TenantScope,
  t: Template,
  kind: TemplateEventKind,
  detail: string | null = null,
  actor?: string,
) {
  scope.create(TemplateEvent, {
    familyId: t.familyId,
    templateId: t.id,
    version: t.version,
    kind,
    detail,
    actor: actor ?? (scope.actor ? `user:${scope.actor.userId}` : 'system'),
    occurredAt: scope.clock.now(),
  });
}

export async function publishTemplate(scope: TenantScope, deps: TemplateDeps, t: Template): Promise<TemplateView> {
  const view = toTemplateView(t, await templateFamily(scope, t.familyId));
  await deps.events.publish(scope.companyId, { type: 'template.updated', at: scope.clock.now().toISOString(), data: { template: view } });
  return view;
}

/** Without declared variables, those the text uses are declared with no example (the view asks for one). */
function withDeclaredVariables(input: TemplateDefinitionInput): TemplateDefinition {
  const def = templateDefinitionSchema.parse(input);
  if (input.variables !== undefined) return def;
  return { ...def, variables: templateVariableOrder(def).map((name) => ({ name, example: '' })) };
}

async function ensureNameFree(scope: TenantScope, name: string, language: string, familyId: string | null): Promise<void> {
  const taken = await scope.find(Template, { name, language, ...(familyId ? { familyId: { $ne: familyId } } : {}) }, { limit: 1 });
  if (taken.length) throw conflict(`A template named “${name}” in ${language} already exists`);
}

/** `base` + `tail`, cut short where needed so that the whole fits the name column (counted as PostgreSQL does). */
function fitName(base: string, tail: string): string {
  return Array.from(base)
    .slice(0, TEMPLATE_LIMITS.nameLength - Array.from(tail).length)
    .join('')
    .concat(tail);
}

/** `base` + `tail`, or with `_2`, `_3`… after it when taken; a long base is shortened so that the name still fits. */
async function freeName(scope: TenantScope, base: string, language: string, tail = ''): Promise<string> {
  // Every candidate starts with this much of the base (a suffix of up to ten digits besides the tail).
  const stem = Array.from(base)
    .slice(0, TEMPLATE_LIMITS.nameLength - Array.from(tail).length - 11)
    .join('');
  const taken = new Set((await scope.find(Template, { name: { $like: `${stem}%` }, language })).map((t) => t.name));
  for (let n = 1; ; n++) {
    const candidate = fitName(base, n === 1 ? tail : `${tail}_${n}`);
    if (!taken.has(candidate)) return candidate;
  }
}

async function flushUnique(scope: TenantScope, name: string): Promise<void> {
  try {
    await scope.em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict(`A template named “${name}” already exists`);
    throw error;
  }
}

function assign(t: Template, def: TemplateDefinition): void {
  t.name = def.name;
  t.language = def.language;
  t.category = def.category;
  t.body = def.body;
  t.header = def.header;
  t.footer = def.footer;
  t.buttons = def.buttons;
  t.variables = def.variables;
}

async function createFamily(
  scope: TenantScope,
  deps: TemplateDeps,
  def: TemplateDefinition,
  origin: { libraryKey?: string; detail?: string } = {},
): Promise<TemplateView> {
  const t = scope.create(Template, { ...def, status: 'draft', libraryKey: origin.libraryKey ?? null });
  t.familyId = t.id;
  recordTemplateEvent(scope, t, 'created', origin.detail ?? null);
  await flushUnique(scope, def.name);
  return publishTemplate(scope, deps, t);
}

export async function createTemplate(scope: TenantScope, deps: TemplateDeps, input: TemplateDefinitionInput): Promise<TemplateView> {
  const def = withDeclaredVariables(input);
  await ensureNameFree(scope, def.name, def.language, null);
  return createFamily(scope, deps, def);
}

export async function updateTemplate(scope: TenantScope, deps: TemplateDeps, id: string, changes: TemplateChanges): Promise<TemplateView> {
  const t = await scope.get(Template, id, 'Template');
  const family = await templateFamily(scope, t.familyId);
  const latest = newest(family);
  if (latest.id !== t.id) throw conflict(`Version ${latest.version} of this template is newer: edit that one`);
  if (t.status === 'pending') throw precondition('WhatsApp is reviewing this template: edit it when the answer comes');
  if (t.status === 'archived') throw precondition('This template is archived: duplicate it to use it again');
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const next = templateDefinitionSchema.parse({ ...definitionOf(t), ...defined });

  const renamed = next.name !== t.name || next.language !== t.language;
  // WhatsApp knows a template by its name and language: once any version was submitted, they stay.
  if (renamed && family.some((v) => v.submittedAt)) {
    throw precondition('A template WhatsApp has seen keeps its name and language: duplicate it to change them');
  }
  if (t.status === 'draft') {
    if (renamed) await ensureNameFree(scope, next.name, next.language, t.familyId);
    assign(t, next);
    recordTemplateEvent(scope, t, 'edited');
    await flushUnique(scope, next.name);
    return publishTemplate(scope, deps, t);
  }
  // Approved or rejected: WhatsApp has this version; the edit becomes the next one.
  const version = scope.create(Template, {
    ...next,
    familyId: t.familyId,
    version: t.version + 1,
    status: 'draft',
    libraryKey: t.libraryKey ?? null,
  });
  recordTemplateEvent(scope, version, 'new_version', `from version ${t.version} (${t.status})`);
  await flushUnique(scope, next.name);
  return publishTemplate(scope, deps, version);
}

/** Archives every version: none can be sent any more; the history stays. */
export async function archiveTemplate(scope: TenantScope, deps: TemplateDeps, id: string): Promise<TemplateView> {
  const t = await scope.get(Template, id, 'Template');
  const family = await templateFamily(scope, t.familyId);
  const now = scope.clock.now();
  for (const version of family) {
    if (version.status === 'archived') continue;
    version.status = 'archived';
    version.statusChangedAt = now;
  }
  recordTemplateEvent(scope, newest(family), 'archived');
  await scope.em.flush();
  return publishTemplate(scope, deps, newest(family));
}

/** A new template (a new name, a new draft) with this version's content. */
export async function duplicateTemplate(scope: TenantScope, deps: TemplateDeps, id: string): Promise<TemplateView> {
  const t = await scope.get(Template, id, 'Template');
  const def = definitionOf(t);
  const name = await freeName(scope, t.name, t.language, '_copy');
  return createFamily(scope, deps, { ...def, name }, { detail: `copied from ${t.name} version ${t.version}` });
}

export async function copyLibraryTemplate(scope: TenantScope, deps: TemplateDeps, key: string): Promise<TemplateView> {
  const entry = libraryTemplate(key);
  if (!entry) throw notFound('Library template');
  const name = await freeName(scope, entry.definition.name, entry.definition.language);
  return createFamily(
    scope,
    deps,
    { ...structuredClone(entry.definition), name },
    { libraryKey: key, detail: `from the library: ${entry.title}` },
  );
}

export interface TemplateFilter {
  status?: Template['status'] | undefined;
  category?: Template['category'] | undefined;
  language?: string | undefined;
  search?: string | undefined;
  /** The approved version of every template that has one: what the composer may send. */
  sendable?: boolean | undefined;
}

/** One entry per template: its newest version (or, with `sendable`, the version sends use), by name. */
export async function listTemplates(scope: TenantScope, filter: TemplateFilter = {}): Promise<TemplateView[]> {
  const rows = await scope.find(Template, {}, { orderBy: { name: 'asc', version: 'asc' } });
  const families = Map.groupBy(rows, (t) => t.familyId);
  const search = filter.search?.trim().toLowerCase();
  const views: TemplateView[] = [];
  for (const family of families.values()) {
    const view = toTemplateView(newest(family), family);
    const shown = filter.sendable ? family.find((t) => t.id === view.sendable?.id) : newest(family);
    if (!shown) continue;
    if (filter.status && shown.status !== filter.status) continue;
    if (filter.category && shown.category !== filter.category) continue;
    if (filter.language && shown.language !== filter.language) continue;
    if (search && !`${shown.name} ${shown.body}`.toLowerCase().includes(search)) continue;
    views.push(shown === newest(family) ? view : toTemplateView(shown, family));
  }
  return views;
}

export interface TemplateDetail {
  template: TemplateView;
  versions: { id: string; version: number; status: Template['status']; submittedAt: string | null; statusChangedAt: string | null }[];
  /** Newest first. */
  history: TemplateHistoryEntry[];
}

export async function getTemplate(scope: TenantScope, id: string): Promise<TemplateDetail> {
  const t = await scope.get(Template, id, 'Template');
  const family = await templateFamily(scope, t.familyId);
  const events = await scope.find(TemplateEvent, { familyId: t.familyId }, { orderBy: { occurredAt: 'desc', id: 'desc' } });
  return {
    template: toTemplateView(t, family),
    versions: family.map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status,
      submittedAt: v.submittedAt?.toISOString() ?? null,
      statusChangedAt: v.statusChangedAt?.toISOString() ?? null,
    })),
    history: events.map(toHistoryEntry),
  };
}
