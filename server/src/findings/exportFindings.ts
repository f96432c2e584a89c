import { buildFindings, type FindingsLanguage } from '@clapboard/shared/findings';
import { getObjectMap } from '@clapboard/shared';
import type { BoardStore } from '../storage/BoardStore.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';
import { readBoardDocs } from './boardDocs.ts';
import type { FindingsFormat } from './formats.ts';

export type ExportOutcome = { ok: true; title: string; body: Uint8Array | string } | { ok: false; reason: 'no-frame' };

/**
 * One export, as the route and the command line both make it: read the
 * board's documents, build its findings, render them in `format`, let the
 * documents go. The findings are built in one synchronous step, so an edit
 * arriving while a DOCX is being packed is in it entirely or not at all.
 */
export async function exportFindings(
  store: BoardStore,
  rooms: RoomRegistry | null,
  boardId: string,
  format: FindingsFormat,
  options: { frameId?: string | undefined; today: string; maxExportPixels?: number; lang?: FindingsLanguage },
): Promise<ExportOutcome> {
  const docs = await readBoardDocs(store, rooms, boardId);
  try {
    if (options.frameId !== undefined && getObjectMap(docs.content, options.frameId)?.get('type') !== 'frame') return { ok: false, reason: 'no-frame' };
    const findings = buildFindings(docs);
    const body = await format.render({
      findings,
      content: docs.content,
      control: docs.control,
      today: options.today,
      ...(options.lang !== undefined ? { lang: options.lang } : {}),
      ...(options.frameId !== undefined ? { frameId: options.frameId } : {}),
      ...(options.maxExportPixels !== undefined ? { maxExportPixels: options.maxExportPixels } : {}),
    });
    return { ok: true, title: findings.board.title, body };
  } finally {
    docs.release();
  }
}
