// Text typed into a filter, handed on once typing pauses: the list is not asked again on every keystroke.
import { useEffect, useRef, useState } from 'react';

export function useDebouncedText(value: string, onSettle: (text: string) => void, delayMs = 300): [string, (text: string) => void] {
  const [text, setText] = useState(value);
  const settle = useRef(onSettle);
  settle.current = onSettle;
  // A value changed from outside (filters cleared) replaces what is typed.
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => settle.current(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, value, delayMs]);
  return [text, setText];
}
