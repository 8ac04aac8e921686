// The WhatsApp problems with one field, under it, one line each.
export function FieldIssues({ messages, testId }: { messages: string[]; testId?: string }) {
  if (messages.length === 0) return null;
  return (
    <span className="field-issues" data-testid={testId ?? 'field-issue'}>
      {messages.map((m) => (
        <small key={m} className="field-error">
          {m}
        </small>
      ))}
    </span>
  );
}
