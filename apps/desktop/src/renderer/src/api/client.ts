// The typed tRPC client. Only the AppRouter *type* comes from the server packages; no server code is bundled.
import type { AppRouter, RouterInputs, RouterOutputs } from '@switchboard/api';
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink, type TRPCClient, TRPCClientError } from '@trpc/client';

export type ApiClient = TRPCClient<AppRouter>;
export type User = RouterOutputs['auth']['me'];
export type Agent = RouterOutputs['agents']['list'][number];
export type Conversation = RouterOutputs['conversations']['list'][number];
export type Timeline = RouterOutputs['conversations']['timeline'];
export type TimelineMessage = Timeline['messages'][number];
export type TemplateSummary = RouterOutputs['templates']['list'][number];
// Templates screen and composer.
export type TemplateDetail = RouterOutputs['templates']['get'];
export type TemplateHistoryEntry = TemplateDetail['history'][number];
export type TemplatePreview = RouterOutputs['templates']['preview'];
export type LibraryTemplate = RouterOutputs['templates']['library'][number];
export type TemplateDefinition = RouterInputs['templates']['create'];
export type TemplateListFilter = NonNullable<RouterInputs['templates']['list']>;
export type LeadListItem = RouterOutputs['leads']['list'][number];
export type Provider = RouterOutputs['providers']['list'][number];
export type DeadLetter = RouterOutputs['webhooks']['deadLetters'][number];

export function createApiClient(serverUrl: string, token: string | null): ApiClient {
  const url = `${serverUrl.replace(/\/+$/, '')}/trpc`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // EventSource cannot send headers, so the token travels as a connection parameter.
        true: httpSubscriptionLink({ url, connectionParams: () => (token ? { token } : {}) }),
        // The server takes auth calls (sign-in, sign-out, me) only alone, and batches of at most 10 calls.
        false: splitLink({
          condition: (op) => op.path.startsWith('auth.'),
          true: httpLink({ url, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) }),
          false: httpBatchLink({ url, maxItems: 10, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) }),
        }),
      }),
    ],
  });
}

interface ErrorData {
  code?: string;
  zodIssues?: { path: (string | number)[]; message: string }[] | null;
}

export function errorCode(error: unknown): string | null {
  return error instanceof TRPCClientError ? ((error.data as ErrorData | undefined)?.code ?? null) : null;
}

/** Field → first message, from a BAD_REQUEST's zod issues. */
export function fieldErrors(error: unknown): Record<string, string> {
  const issues = error instanceof TRPCClientError ? (error.data as ErrorData | undefined)?.zodIssues : null;
  const out: Record<string, string> = {};
  for (const issue of issues ?? []) {
    const field = String(issue.path[0] ?? '');
    out[field] ??= issue.message;
  }
  return out;
}

/** A sentence a user can act on, whatever went wrong. */
export function describeError(error: unknown): string {
  const code = errorCode(error);
  if (error instanceof TRPCClientError && !code) return 'Cannot reach the server. Check the server URL and your connection.';
  if (code === 'BAD_REQUEST') return 'Some fields need attention.';
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
