// Templates: the company's WhatsApp templates with filters, the editor for one, and the industry library.
// Status changes (the approval worker's answers included) arrive live.
import { useCallback, useEffect, useState } from 'react';
import type { TemplateSummary } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { useLiveEvent } from '../../live/live-events.tsx';
import { LibraryDialog } from './LibraryDialog.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { TemplateFilterBar } from './TemplateFilterBar.tsx';
import { TemplateTable } from './TemplateTable.tsx';
import { templateErrorMessage } from './template-errors.ts';
import { listInput, mergeTemplate, NO_FILTERS, type TemplateFilters } from './template-filter.ts';

/** What the editor opened with: a template, or a new one. `key` starts a fresh editor each time. */
interface Editing {
  key: number;
  id: string | null;
}

export function TemplatesScreen() {
  const { api, user } = useSession();
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [filters, setFilters] = useState<TemplateFilters>(NO_FILTERS);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [library, setLibrary] = useState(false);
  const canEdit = user.role === 'admin' || user.role === 'manager';
  const open = (id: string | null) => setEditing({ key: Date.now(), id });

  const load = useCallback(async () => {
    try {
      const list = await api.templates.list.query(listInput(filters));
      setTemplates(filters.status === 'active' ? list.filter((t) => t.status !== 'archived') : list);
      setError(null);
    } catch (e) {
      setError(templateErrorMessage(e));
    }
  }, [api, filters]);
  useEffect(() => {
    // Typing in the search waits for a pause instead of querying every keystroke.
    const timer = setTimeout(() => void load(), 150);
    return () => clearTimeout(timer);
  }, [load]);

  useLiveEvent(['template.updated'], (event) => {
    const template = event.data.template as TemplateSummary;
    setTemplates((current) => (current ? mergeTemplate(current, template, filters) : current));
  });

  if (editing) {
    return (
      <TemplateEditor
        key={editing.key}
        templateId={editing.id}
        onClose={() => {
          setEditing(null);
          void load();
        }}
      />
    );
  }
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <div className="page" data-testid="screen-templates">
      <div className="page-header">
        <div>
          <h2>Templates</h2>
          <p className="muted">WhatsApp templates: the only messages you may send a lead outside the 24-hour window, once approved.</p>
        </div>
        {canEdit && (
          <div className="template-actions">
            <button type="button" onClick={() => setLibrary(true)} data-testid="template-library">
              From library
            </button>
            <button type="button" className="primary" onClick={() => open(null)} data-testid="template-new">
              New template
            </button>
          </div>
        )}
      </div>
      <TemplateFilterBar filters={filters} onChange={setFilters} />
      {error && (
        <div className="alert" role="alert">
          {error}{' '}
          <button type="button" className="link" onClick={() => void load()}>
            Retry
          </button>
        </div>
      )}
      {templates === null && !error && <p className="muted">Loading templates…</p>}
      {templates && templates.length === 0 && (
        <div className="empty">
          <h3>{filtered ? 'No template matches these filters' : 'No templates yet'}</h3>
          <p>{filtered ? 'Clear a filter to see more.' : 'Write one, or start from a ready template in the library.'}</p>
        </div>
      )}
      {templates && templates.length > 0 && <TemplateTable templates={templates} onOpen={open} />}
      {library && (
        <LibraryDialog
          onClose={() => setLibrary(false)}
          onCopied={(t) => {
            setLibrary(false);
            open(t.id);
          }}
        />
      )}
    </div>
  );
}
