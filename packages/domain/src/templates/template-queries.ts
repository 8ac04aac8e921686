// Reading a company's templates.
import { Template, type TemplateStatus } from '../entities/template.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';
import { templateVariables } from './render-template.ts';

export interface TemplateView {
  id: string;
  name: string;
  language: string;
  category: Template['category'];
  status: TemplateStatus;
  body: string;
  variables: string[];
}

export const toTemplateView = (t: Template): TemplateView => ({
  id: t.id,
  name: t.name,
  language: t.language,
  category: t.category,
  status: t.status,
  body: t.body,
  variables: templateVariables(t.body),
});

export async function listTemplates(scope: TenantScope, filter: { status?: TemplateStatus | undefined }): Promise<TemplateView[]> {
  const rows = await scope.find(Template, filter.status ? { status: filter.status } : {}, { orderBy: { name: 'asc', version: 'desc' } });
  return rows.map(toTemplateView);
}
