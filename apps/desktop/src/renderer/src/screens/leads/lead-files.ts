// The CSV routes beside the API (apps/server/src/http/lead-files.ts): uploading an import, and downloading the
// rejected rows report or an export. They take the same bearer token as the API; their errors are `{ error }`.
import { loadToken } from '../../api/session-storage.ts';
import type { UploadedLeadFile } from './lead-types.ts';

const UNREACHABLE = 'Cannot reach the server. Check the server URL and your connection.';

const endpoint = (serverUrl: string, path: string) => `${serverUrl.replace(/\/+$/, '')}${path}`;

function refusal(status: number, body: unknown): string {
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === 'string' && error) return error;
  return status === 401 ? 'Your session has ended: sign in again.' : `The server refused the request (HTTP ${status}).`;
}

/**
 * Sends the file as it is (streamed by the browser, never read whole here). XMLHttpRequest rather than fetch:
 * it reports upload progress.
 */
export async function uploadLeadFile(
  serverUrl: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
): Promise<UploadedLeadFile> {
  const token = await loadToken(serverUrl);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', endpoint(serverUrl, `/imports/leads?filename=${encodeURIComponent(file.name)}`));
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300 && xhr.response) resolve(xhr.response as UploadedLeadFile);
      else reject(new Error(refusal(xhr.status, xhr.response)));
    };
    xhr.onerror = () => reject(new Error(UNREACHABLE));
    xhr.send(file);
  });
}

/** Fetches a CSV with the token and hands it to the browser as a download named `filename`. */
export async function downloadCsv(serverUrl: string, path: string, filename: string): Promise<void> {
  const token = await loadToken(serverUrl);
  let response: Response;
  try {
    response = await fetch(endpoint(serverUrl, path), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new Error(UNREACHABLE);
  }
  if (!response.ok) throw new Error(refusal(response.status, await response.json().catch(() => null)));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
