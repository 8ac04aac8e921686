// What to tell the user when a leads call fails. The server explains refusals in sentences (a bad phone number,
// a mapping that names the phone column twice), so those are shown as they come.
import { describeError, errorCode, fieldErrors } from '../../api/client.ts';

export function leadErrorMessage(error: unknown): string {
  const fields = fieldErrors(error);
  const first = Object.values(fields)[0];
  if (errorCode(error) === 'BAD_REQUEST' && first) return first;
  if (errorCode(error) && error instanceof Error && error.message) return error.message;
  return describeError(error);
}
