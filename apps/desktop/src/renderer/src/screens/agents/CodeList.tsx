// Variable names in a sentence: "first_name, viewing_time", each set as code.
export function CodeList({ names }: { names: string[] }) {
  return (
    <>
      {names.map((name, i) => (
        <span key={name}>
          {i > 0 && ', '}
          <code>{name}</code>
        </span>
      ))}
    </>
  );
}
