// What one column of the file imports into: a lead field, a custom field (with its key), or nothing. The
// WhatsApp consent field says that it imports consent, as no other column ever does.
import { CONSENT_FIELD, type ColumnChoice, CUSTOM_KEY } from './import-mapping.ts';

interface Props {
  index: number;
  header: string;
  choice: ColumnChoice;
  fieldLabels: Record<string, string>;
  onChange(choice: ColumnChoice): void;
}

export function ColumnTargetSelect({ index, header, choice, fieldLabels, onChange }: Props) {
  const badKey = choice.target === 'custom' && !CUSTOM_KEY.test(choice.customKey.trim());
  return (
    <div className="import-column-target">
      <select
        className="control"
        value={choice.target}
        onChange={(e) => onChange({ ...choice, target: e.target.value })}
        aria-label={`Import column ${index + 1} (${header}) into`}
        data-testid={`mapping-${index}`}
      >
        <option value="">Ignore this column</option>
        <optgroup label="Lead fields">
          {Object.entries(fieldLabels).map(([field, label]) => (
            <option key={field} value={field}>
              {field === CONSENT_FIELD ? `${label} (imports opt-in / opt-out)` : label}
            </option>
          ))}
        </optgroup>
        <option value="custom">Custom field…</option>
      </select>
      {choice.target === 'custom' && (
        <input
          className="control import-custom-key"
          value={choice.customKey}
          onChange={(e) => onChange({ ...choice, customKey: e.target.value })}
          placeholder="field_key"
          aria-label={`Custom field key for column ${index + 1}`}
          aria-invalid={badKey}
          data-testid={`mapping-key-${index}`}
        />
      )}
      {badKey && <small className="field-error">Letters, digits and underscores only, up to 40</small>}
    </div>
  );
}
