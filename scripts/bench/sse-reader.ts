// Reads a tRPC SSE subscription as raw `data:` lines, so a benchmark sees events as a console would.
export async function openEventStream(url: string, token: string): Promise<{ next(): Promise<string>; close(): Promise<void> }> {
  const stream = await fetch(`${url}/trpc/events.stream?input=${encodeURIComponent('{}')}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
  });
  const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const next = async (): Promise<string> => {
    for (;;) {
      const match = buffered.match(/data: (.*)\n/);
      if (match?.index !== undefined) {
        buffered = buffered.slice(match.index + match[0].length);
        return match[1] as string;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('event stream ended');
      buffered += decoder.decode(value, { stream: true });
    }
  };
  // A fresh subscription starts with stream.opened: from then on nothing published is missed.
  while (!(await next()).includes('stream.opened')) {}
  return { next, close: () => reader.cancel() };
}
