// The company's templates, one row each (its newest version), with status, the version in use and problems.
import type { TemplateSummary } from '../../api/client.ts';
import { TemplateStatusChip } from './TemplateStatusChip.tsx';
import { categoryLabel } from './template-labels.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

interface Props {
  templates: TemplateSummary[];
  onOpen(id: string): void;
}

export function TemplateTable({ templates, onOpen }: Props) {
  return (
    <table className="table template-table" data-testid="template-table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Language</th>
          <th>Category</th>
          <th>Version</th>
          <th>Status</th>
          <th>Updated</th>
        </tr>
      </thead>
      <tbody>
        {templates.map((t) => {
          const olderInUse = t.sendable && t.sendable.id !== t.id ? t.sendable.version : null;
          return (
            <tr key={t.familyId} className="clickable" onClick={() => onOpen(t.id)} data-testid="template-row" data-name={t.name}>
              <td>
                <button
                  type="button"
                  className="row-link"
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(t.id);
                  }}
                >
                  {t.name}
                </button>
                <div className="row-snippet muted">{t.body}</div>
              </td>
              <td>
                <code>{t.language}</code>
              </td>
              <td className="muted">{categoryLabel(t.category)}</td>
              <td className="muted">
                v{t.version}
                {olderInUse && <div className="in-use">v{olderInUse} in use</div>}
              </td>
              <td>
                <span className="status-cell">
                  <TemplateStatusChip template={t} />
                  {t.issues.length > 0 && (
                    <span className="problem-count" title={t.issues.map((i) => i.message).join('\n')} data-testid="template-problem-count">
                      {t.issues.length} {t.issues.length === 1 ? 'problem' : 'problems'}
                    </span>
                  )}
                </span>
              </td>
              <td className="muted">{dateFormat.format(new Date(t.updatedAt))}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
