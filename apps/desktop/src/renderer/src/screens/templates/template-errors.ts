// What to tell the user when a template call fails. The server explains template refusals in sentences (a
// submit with problems lists them, a locked name says why), so those are shown as they come.
import { describeError, errorCode, fieldErrors } from '../../api/client.ts';

export function templateErrorMessage(error: unknown): string {
  const code = errorCode(error);
  const explained = code === 'BAD_REQUEST' && Object.keys(fieldErrors(error)).length === 0;
  if (explained && error instanceof Error && error.message) return error.message;
  return describeError(error);
}
