import type * as Y from 'yjs';
import { z } from 'zod';
import { findingsToCsv, findingsToJson, findingsToMarkdown, type Findings, type FindingsLanguage } from '@clapboard/shared/findings';

/** Formats of `GET /api/boards/:id/findings?format=` (docs/protocol.md, "Findings"). */
export const FINDINGS_FORMAT_NAMES = ['json', 'md', 'csv', 'docx', 'png'] as const;
export const FindingsFormatNameSchema = z.enum(FINDINGS_FORMAT_NAMES, { error: `format must be one of ${FINDINGS_FORMAT_NAMES.join(', ')}` });
export type FindingsFormatName = z.infer<typeof FindingsFormatNameSchema>;

/** What a renderer may read: the findings, and the content document for formats that draw the board. */
export interface FindingsRenderInput {
  findings: Findings;
  content: Y.Doc;
  control: Y.Doc;
  /** A frame to draw alone (PNG only); checked to be a frame on the board before rendering. */
  frameId?: string;
  /** `YYYY-MM-DD`: only formats that may carry a date (DOCX) use it. */
  today: string;
  /** Largest PNG in pixels (MAX_EXPORT_PIXELS, config.maxExportPixels); renderBoardPng's default when absent. */
  maxExportPixels?: number;
  /** The language of the headings and labels (Markdown, DOCX, the PNG's few words); English when absent. JSON and CSV are the same in every language. */
  lang?: FindingsLanguage;
}

export interface FindingsFormat {
  contentType: string;
  extension: string;
  /** Whether `frame=` means anything to it. */
  framed: boolean;
  render(input: FindingsRenderInput): Promise<Uint8Array | string> | Uint8Array | string;
}

/**
 * The format dispatch table, shared by the route and the command line.
 * DOCX and PNG load their libraries on first use: the `docx` library and
 * @napi-rs/canvas's native drawing cost an idle server about 9 and 28 MiB
 * of memory, for exports a facilitator makes at the end of a workshop. A
 * format mapped to null is known but not built into this server (the route
 * answers 501 FORMAT_UNAVAILABLE). Text formats are strings in UTF-8.
 */
export const FINDINGS_FORMATS: Readonly<Record<FindingsFormatName, FindingsFormat | null>> = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json', framed: false, render: ({ findings }) => findingsToJson(findings) },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md', framed: false, render: ({ findings, lang }) => findingsToMarkdown(findings, { lang }) },
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv', framed: false, render: ({ findings }) => findingsToCsv(findings) },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    framed: false,
    render: async ({ findings, today, lang }) => (await import('./renderDocx.ts')).findingsToDocx(findings, { generatedOn: today, lang }),
  },
  png: {
    contentType: 'image/png',
    extension: 'png',
    framed: true,
    render: async ({ content, frameId, maxExportPixels, lang }) => (await import('./png/renderBoardPng.ts')).renderBoardPng(content, { frameId, maxPixels: maxExportPixels, lang }),
  },
};

/**
 * `<slug>-findings.<ext>`: the board title in lower case, runs of anything
 * but letters and digits as one hyphen, at most 60 characters. `ascii` is
 * the same with only ASCII letters and digits (for the plain `filename=`),
 * `board` when nothing is left.
 */
export function findingsFilename(title: string, extension: string): { unicode: string; ascii: string } {
  const slug = (pattern: RegExp) =>
    title
      .normalize('NFC')
      .toLowerCase()
      .replace(pattern, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '');
  const unicode = slug(/[^\p{L}\p{M}\p{N}]+/gu) || 'board';
  const ascii = slug(/[^a-z0-9]+/g) || 'board';
  return { unicode: `${unicode}-findings.${extension}`, ascii: `${ascii}-findings.${extension}` };
}

/** `Content-Disposition` for a download, with the RFC 5987 / 6266 `filename*` for titles outside ASCII. */
export function attachmentDisposition(title: string, extension: string): string {
  const { unicode, ascii } = findingsFilename(title, extension);
  const encoded = encodeURIComponent(unicode).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
