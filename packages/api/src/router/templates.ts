// WhatsApp templates of the caller's company: the editor's reads and writes, previews, Twilio's approval
// workflow, and the industry library. Managers and admins change templates; everyone may read and send them.
import {
  archiveTemplate,
  copyLibraryTemplate,
  createTemplate,
  duplicateTemplate,
  getTemplate,
  libraryForIndustry,
  listTemplates,
  previewDefinition,
  previewStoredTemplate,
  submitTemplateForApproval,
  TEMPLATE_LIBRARY,
  updateTemplate,
} from '@switchboard/domain';
import { providerFor } from '../provider-adapters.ts';
import { protectedProcedure, roleProcedure, router } from '../trpc.ts';
import {
  copyFromLibraryInput,
  libraryInput,
  listTemplatesInput,
  previewInput,
  submitForApprovalInput,
  templateDefinitionInput,
  templateIdInput,
  updateTemplateInput,
} from './templates.schema.ts';

const manager = roleProcedure('admin', 'manager');

export const templatesRouter = router({
  list: protectedProcedure.input(listTemplatesInput).query(({ ctx, input }) => listTemplates(ctx.scope, input)),
  get: protectedProcedure.input(templateIdInput).query(({ ctx, input }) => getTemplate(ctx.scope, input.id)),
  create: manager.input(templateDefinitionInput).mutation(({ ctx, input }) => createTemplate(ctx.scope, ctx.deps, input)),
  update: manager
    .input(updateTemplateInput)
    .mutation(({ ctx, input: { id, ...changes } }) => updateTemplate(ctx.scope, ctx.deps, id, changes)),
  archive: manager.input(templateIdInput).mutation(({ ctx, input }) => archiveTemplate(ctx.scope, ctx.deps, input.id)),
  duplicate: manager.input(templateIdInput).mutation(({ ctx, input }) => duplicateTemplate(ctx.scope, ctx.deps, input.id)),
  preview: protectedProcedure
    .input(previewInput)
    .query(({ ctx, input }) => ('definition' in input ? previewDefinition(input.definition) : previewStoredTemplate(ctx.scope, input))),
  submitForApproval: manager
    .input(submitForApprovalInput)
    .mutation(({ ctx, input }) =>
      submitTemplateForApproval(ctx.scope, { ...ctx.deps, providerFor: providerFor(ctx.deps) }, input.templateId),
    ),
  library: protectedProcedure
    .input(libraryInput)
    .query(({ input }) => (input.industry ? libraryForIndustry(input.industry) : [...TEMPLATE_LIBRARY])),
  copyFromLibrary: manager.input(copyFromLibraryInput).mutation(({ ctx, input }) => copyLibraryTemplate(ctx.scope, ctx.deps, input.key)),
});
