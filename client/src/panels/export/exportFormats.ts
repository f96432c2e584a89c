import { center, rectContainsPoint, type BoardObject, type FrameRecord, type Rect } from '@clapboard/shared';

/** The findings formats the server renders (`GET /api/boards/:id/findings?format=…`, docs/protocol.md). */
export const EXPORT_FORMATS = ['md', 'docx', 'json', 'csv', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File extension and type of each format, for the saved file's name. */
export const EXPORT_FILE: Record<ExportFormat, { extension: string; type: string }> = {
  md: { extension: 'md', type: 'text/markdown' },
  docx: { extension: 'docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  json: { extension: 'json', type: 'application/json' },
  csv: { extension: 'csv', type: 'text/csv' },
  png: { extension: 'png', type: 'image/png' },
};

/**
 * A file name from the board's (and frame's) title: letters of any script
 * kept, so an Arabic title stays readable; what file systems refuse, and
 * runs of spaces, become single dashes.
 */
export function exportFileName(title: string, format: ExportFormat, frameTitle?: string): string {
  const part = (text: string) =>
    text
      .normalize('NFC')
      .replace(/[\p{C}\\/:*?"<>|#%]+/gu, ' ')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 60);
  const name = [part(title) || 'board', frameTitle === undefined ? 'findings' : part(frameTitle) || 'frame'].join('-');
  return `${name}.${EXPORT_FILE[format].extension}`;
}

/**
 * The frame a "this frame" image shows: a selected frame, else the frame of
 * the first selected object that has one, else the frame under the centre of
 * the view (the topmost, if frames overlap). Null when there is none.
 */
export function frameToExport(objects: readonly BoardObject[], selection: readonly string[], view: Rect): FrameRecord | null {
  const frames = new Map<string, FrameRecord>();
  for (const object of objects) if (object.type === 'frame') frames.set(object.id, object);
  const byId = new Map(objects.map((object) => [object.id, object]));
  for (const id of selection) {
    const object = byId.get(id);
    if (!object) continue;
    if (object.type === 'frame') return object;
    const frame = object.frameId ? frames.get(object.frameId) : undefined;
    if (frame) return frame;
  }
  const middle = center(view);
  let found: FrameRecord | null = null;
  // In stacking order, so the last frame found is the one drawn on top.
  for (const frame of frames.values()) if (rectContainsPoint(frame, middle)) found = frame;
  return found;
}
