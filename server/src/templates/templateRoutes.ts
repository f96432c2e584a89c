import fp from 'fastify-plugin';
import {
  AddTemplateRequestSchema,
  ApiErrorCode,
  MAX_BOARD_STEPS,
  MAX_TEMPLATE_FILE_BYTES,
  findShippedTemplate,
  shippedTemplates,
  templateSummary,
  type AddTemplateResponse,
  type TemplateSummary,
} from '@clapboard/shared';
import { routeAccess } from '../auth/routeAccess.ts';
import { sendError } from '../errors.ts';
import { addTemplateToBoard } from './writeTemplate.ts';

/**
 * Room for the JSON around an imported template (`at`, the key names): the
 * file itself is held to MAX_TEMPLATE_FILE_BYTES by the client, and to the
 * schema's limits here.
 */
const BODY_LIMIT = MAX_TEMPLATE_FILE_BYTES + 4 * 1024;

/**
 * `GET /api/templates` and `POST /api/boards/:id/templates`
 * (docs/protocol.md, "Templates"). The list is public product data, the
 * same for everyone, so it needs no token. Adding checks, in order: token
 * (401), role (403, facilitators only), body (400, zod's message, the
 * imported template's own issues included), the template id (400), then
 * the board's step list (409).
 */
export const templateRoutes = fp(
  async (app) => {
    // Parsed once per server: shipped templates are constant data.
    const summaries: TemplateSummary[] = shippedTemplates().map(templateSummary);
    const access = routeAccess(app.store);

    app.get('/api/templates', async () => summaries);

    // Its own body limit: an imported template is bigger than any other request body (docs/protocol.md).
    app.post<{ Params: { boardId: string } }>('/api/boards/:boardId/templates', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
      const caller = await access.authorize(request, reply);
      if (!caller) return reply;
      if (caller.role !== 'facilitator') return access.forbidden(reply, 'only facilitators can add templates');
      const body = AddTemplateRequestSchema.safeParse(request.body);
      if (!body.success) return access.badBody(reply, body.error);
      const template = body.data.template ?? findShippedTemplate(body.data.templateId ?? '');
      if (!template) return sendError(reply, 400, ApiErrorCode.BadRequest, 'templateId: no shipped template has this id (GET /api/templates lists them)');
      const result = await addTemplateToBoard(app.rooms, caller.boardId, template, body.data.at);
      if (!result.ok) return sendError(reply, 409, ApiErrorCode.TooManySteps, `the board would have more than ${MAX_BOARD_STEPS} steps; nothing was added`);
      const response: AddTemplateResponse = { frameIds: result.frameIds };
      return reply.code(201).send(response);
    });
  },
  { name: 'clapboard-templates', dependencies: ['clapboard-storage', 'clapboard-sync'] },
);
