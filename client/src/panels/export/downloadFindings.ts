import type { ExportFormat } from './exportFormats.ts';
import { apiHeaders } from '../../connection/apiHeaders.ts';

export type DownloadResult = { ok: true; blob: Blob } | { ok: false; reason: 'forbidden' | 'not-found' | 'network' | 'failed' };

/**
 * Fetches one findings export with the board token as a bearer token (never
 * in the URL, so it stays out of logs and history), never cached, with no
 * referrer. The body is read whole into a Blob: exports are at most a few
 * MiB, and a Blob can be saved under a name of our choosing.
 */
export async function downloadFindings(boardId: string, token: string, format: ExportFormat, frameId?: string): Promise<DownloadResult> {
  const query = new URLSearchParams({ format });
  if (frameId) query.set('frame', frameId);
  return downloadBoardFile(boardId, token, `findings?${query}`);
}

/**
 * What is held about a board besides its findings (docs/protocol.md, "Data
 * protection"), each its own file: everything held (subject access), the
 * equality-monitoring counts, and the contacts people left, which are never
 * put in the same file as anything else.
 */
export type HeldData = 'export-all' | 'monitoring' | 'contacts';

export function downloadHeldData(boardId: string, token: string, what: HeldData): Promise<DownloadResult> {
  return downloadBoardFile(boardId, token, what);
}

/** `GET /api/boards/:id/<path>` with the board token as a bearer token, read whole into a Blob. */
async function downloadBoardFile(boardId: string, token: string, path: string): Promise<DownloadResult> {
  let response: Response;
  try {
    response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/${path}`, {
      headers: apiHeaders(token),
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return { ok: false, reason: 'network' };
  }
  if (response.status === 401 || response.status === 403) return { ok: false, reason: 'forbidden' };
  if (response.status === 404) return { ok: false, reason: 'not-found' };
  if (!response.ok) return { ok: false, reason: 'failed' };
  try {
    return { ok: true, blob: await response.blob() };
  } catch {
    return { ok: false, reason: 'network' };
  }
}
