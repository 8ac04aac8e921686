// The optional header: text (one line, at most one variable), an image, or a document, each by its https address.
import { useId } from 'react';
import { FieldIssues } from './FieldIssues.tsx';
import { TextField } from './TextField.tsx';
import type { DraftHeader } from './template-draft.ts';
import type { IssueLookup } from './template-issues.ts';

type Kind = 'none' | NonNullable<DraftHeader>['type'];

const EMPTY: Record<Kind, DraftHeader> = {
  none: null,
  text: { type: 'text', text: '' },
  image: { type: 'image', url: '' },
  document: { type: 'document', url: '' },
};

interface Props {
  header: DraftHeader;
  onChange(header: DraftHeader): void;
  issues: IssueLookup;
}

export function HeaderField({ header, onChange, issues }: Props) {
  const id = useId();
  const kind: Kind = header?.type ?? 'none';
  return (
    <div className="form-section">
      <div className={`tfield${issues('header').length ? ' invalid' : ''}`}>
        <label htmlFor={id}>Header</label>
        <select
          className="control"
          id={id}
          value={kind}
          onChange={(e) => onChange(EMPTY[e.target.value as Kind])}
          data-testid="template-header-type"
        >
          <option value="none">No header</option>
          <option value="text">Text</option>
          <option value="image">Image</option>
          <option value="document">Document</option>
        </select>
        <FieldIssues messages={issues('header')} />
      </div>
      {header?.type === 'text' && (
        <TextField
          label="Header text"
          value={header.text}
          onChange={(text) => onChange({ ...header, text })}
          issues={issues('header.text')}
          hint="Shown in bold above the message. One line, up to 60 characters."
          maxLength={200}
          testId="template-header-text"
        />
      )}
      {(header?.type === 'image' || header?.type === 'document') && (
        <div className="form-row">
          <TextField
            className="grow"
            label={header.type === 'image' ? 'Image address' : 'Document address'}
            value={header.url}
            onChange={(url) => onChange({ ...header, url })}
            issues={issues('header.url')}
            placeholder={header.type === 'image' ? 'https://example.com/offer.jpg' : 'https://example.com/brochure.pdf'}
            maxLength={2000}
            testId="template-header-url"
          />
          {header.type === 'document' && (
            <TextField
              label="File name (preview only)"
              value={header.filename ?? ''}
              onChange={(filename) => onChange({ type: 'document', url: header.url, ...(filename ? { filename } : {}) })}
              placeholder="brochure.pdf"
              maxLength={200}
              testId="template-header-filename"
            />
          )}
        </div>
      )}
    </div>
  );
}
