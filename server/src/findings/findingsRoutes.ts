import fp from 'fastify-plugin';
import { z } from 'zod';
import { ApiErrorCode, ObjectIdSchema, todayDate } from '@clapboard/shared';
import { FindingsLanguageSchema, pickFindingsLanguage } from '@clapboard/shared/findings';
import { routeAccess } from '../auth/routeAccess.ts';
import { sendError, sendValidationError } from '../errors.ts';
import { exportFindings } from './exportFindings.ts';
import { FINDINGS_FORMATS, FindingsFormatNameSchema, attachmentDisposition } from './formats.ts';

/** `?format=…&frame=…&lang=…`; other parameters (a cache-buster) are ignored. */
export const FindingsQuerySchema = z.object({
  format: FindingsFormatNameSchema,
  frame: ObjectIdSchema.optional(),
  lang: FindingsLanguageSchema.optional(),
});

/**
 * `GET /api/boards/:id/findings?format=json|md|csv|docx|png[&frame=<id>][&lang=<code>]`
 * (docs/protocol.md, "Findings"): the board's findings as a download, for
 * facilitators only. Checks, in order: token (401, unknown board and wrong
 * token alike), role (403), query (400), format built into this server
 * (501), frame on the board (404). Never cached: it holds people's words.
 *
 * Headings and labels are in `lang`, else the first language of
 * `Accept-Language` the exports are written in, else English; the answer
 * says which in `Content-Language`. JSON and CSV are the same in every
 * language.
 */
export const findingsRoutes = fp<{ maxExportPixels: number }>(
  async (app, { maxExportPixels }) => {
    const { authorize, forbidden } = routeAccess(app.store);

    app.get<{ Params: { boardId: string } }>('/api/boards/:boardId/findings', async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      if (caller.role !== 'facilitator') return forbidden(reply, 'only facilitators export findings');
      const query = FindingsQuerySchema.safeParse(request.query);
      if (!query.success) return sendValidationError(reply, query.error, request.query);
      const format = FINDINGS_FORMATS[query.data.format];
      if (!format) return sendError(reply, 501, ApiErrorCode.FormatUnavailable, `format ${query.data.format} is not available on this server`);
      if (query.data.frame !== undefined && !format.framed) return sendError(reply, 400, ApiErrorCode.BadRequest, `frame: format ${query.data.format} exports the whole board; only png takes a frame`);
      const lang = query.data.lang ?? pickFindingsLanguage(request.headers['accept-language']);
      const outcome = await exportFindings(app.store, app.rooms, caller.boardId, format, { frameId: query.data.frame, today: todayDate(), maxExportPixels, lang });
      if (!outcome.ok) return sendError(reply, 404, ApiErrorCode.NotFound, 'frame: no such frame on this board');
      if (query.data.lang === undefined) reply.header('vary', 'accept-language');
      return reply
        .header('content-type', format.contentType)
        .header('content-language', lang)
        .header('content-disposition', attachmentDisposition(outcome.title, format.extension))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(typeof outcome.body === 'string' ? outcome.body : Buffer.from(outcome.body.buffer, outcome.body.byteOffset, outcome.body.byteLength));
    });
  },
  { name: 'clapboard-findings', dependencies: ['clapboard-storage', 'clapboard-sync'] },
);
