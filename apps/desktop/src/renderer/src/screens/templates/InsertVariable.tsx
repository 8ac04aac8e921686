// "Insert variable": pick a declared variable or name a new one; the body gets {{name}} at the cursor.
import { type FormEvent, useState } from 'react';
import { toVariableName, VARIABLE_NAME } from './template-draft.ts';

interface Props {
  declared: string[];
  onInsert(name: string): void;
}

export function InsertVariable({ declared, onInsert }: Props) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const name = toVariableName(typed);

  function insert(chosen: string) {
    onInsert(chosen);
    setTyped('');
    setOpen(false);
  }
  function submitNew(event: FormEvent) {
    // A form nested in the template form would submit it too: handled here, never propagated.
    event.preventDefault();
    event.stopPropagation();
    if (VARIABLE_NAME.test(name)) insert(name);
  }

  return (
    <div className="insert-variable">
      <button type="button" className="small" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="insert-variable">
        {'{{ }}'} Insert variable
      </button>
      {open && (
        <div className="insert-variable-menu" data-testid="insert-variable-menu">
          {declared.length > 0 && (
            <div className="insert-variable-existing">
              {declared.map((n) => (
                <button key={n} type="button" className="chip" onClick={() => insert(n)} data-testid={`insert-variable-${n}`}>
                  {`{{${n}}}`}
                </button>
              ))}
            </div>
          )}
          <div className="insert-variable-new">
            <input
              className="control"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') submitNew(e);
                if (e.key === 'Escape') setOpen(false);
              }}
              placeholder="New variable, like first_name"
              aria-label="New variable name"
              maxLength={64}
              // biome-ignore lint/a11y/noAutofocus: the menu opens to type a name
              autoFocus
              data-testid="insert-variable-name"
            />
            <button
              type="button"
              className="small primary"
              disabled={!VARIABLE_NAME.test(name)}
              onClick={() => insert(name)}
              data-testid="insert-variable-add"
            >
              Insert
            </button>
          </div>
          {typed && name !== typed && (
            <small className="muted">{name ? `Inserted as {{${name}}}` : 'Use letters: a name like first_name'}</small>
          )}
        </div>
      )}
    </div>
  );
}
