import type { FastifyPluginAsync } from 'fastify';
import * as Y from 'yjs';
import {
  ApiErrorCode,
  CURRENT_SCHEMA_VERSION,
  CreateBoardRequestSchema,
  PROTOCOL_VERSION,
  CREATION_ROLES,
  boardLink,
  getMetaMap,
  getSettingsMap,
  randomId,
  findShippedTemplate,
  readBoardTitle,
  writeStatement,
  type BoardSession,
  type CreateBoardResponse,
  type EngagementStatement,
  type CreationRole,
  type Template,
  type TransactionOrigin,
} from '@clapboard/shared';
import { boardAccess } from '../auth/boardAccess.ts';
import { bearerToken, generateRoleTokens } from '../auth/capabilityTokens.ts';
import { sendError, sendValidationError } from '../errors.ts';
import { retentionDateFor } from '../privacy/retentionDate.ts';
import { buildIntoNewBoard } from '../templates/writeTemplate.ts';

const CREATE_ORIGIN: TransactionOrigin = Object.freeze({ kind: 'server', reason: 'create-board' });

/** The first state of a new board, written by the server's own Yjs client. */
function initialDocuments(title: string, statement?: EngagementStatement, template?: Template | null): { content: Uint8Array; control: Uint8Array } {
  const content = new Y.Doc();
  content.transact(() => getMetaMap(content).set('schemaVersion', CURRENT_SCHEMA_VERSION), CREATE_ORIGIN);
  const control = new Y.Doc();
  control.transact(() => {
    getSettingsMap(control).set('title', title);
    if (statement) writeStatement(control, statement);
  }, CREATE_ORIGIN);
  if (template) buildIntoNewBoard(template, { content, control });
  const documents = { content: Y.encodeStateAsUpdate(content), control: Y.encodeStateAsUpdate(control) };
  content.destroy();
  control.destroy();
  return documents;
}

/** `POST /api/boards` and `GET /api/boards/:id/session`; see docs/protocol.md. */
export const boardRoutes: FastifyPluginAsync<{ publicUrl: () => string; defaultRetentionDays: number }> = async (app, { publicUrl, defaultRetentionDays }) => {
  app.post('/api/boards', async (request, reply) => {
    const parsed = CreateBoardRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendValidationError(reply, parsed.error);
    const template = parsed.data.template === undefined ? null : findShippedTemplate(parsed.data.template);
    if (parsed.data.template !== undefined && !template) return sendError(reply, 400, ApiErrorCode.BadRequest, 'template: no shipped template has this id (GET /api/templates lists them)');
    // Every board has a retention date from the start (server/src/privacy); its statement, if any, says the same.
    const retention = retentionDateFor(parsed.data, defaultRetentionDays);
    if ('problem' in retention) return sendError(reply, 400, ApiErrorCode.BadRequest, retention.problem);
    const { deleteOn } = retention;
    const id = randomId(22);
    const { tokens, hashes } = generateRoleTokens();
    await app.store.createBoard({ id, tokenHashes: hashes, deleteOn, initialUpdates: initialDocuments(parsed.data.title, parsed.data.statement, template) });
    const links = Object.fromEntries(CREATION_ROLES.map((role) => [role, boardLink(publicUrl(), id, tokens[role])])) as Record<CreationRole, string>;
    const body: CreateBoardResponse = { id, links, deleteOn };
    return reply.code(201).send(body);
  });

  app.get<{ Params: { boardId: string } }>('/api/boards/:boardId/session', async (request, reply) => {
    // Unknown board and wrong token answer alike, so ids cannot be probed.
    const access = await boardAccess(app.store, request.params.boardId, bearerToken(request.headers.authorization));
    if (!access) return sendError(reply, 401, ApiErrorCode.Unauthorized, 'missing or invalid board token');
    const { boardId, role } = access;
    // The title lives in the control document (facilitators rename it there), nowhere else.
    const title = await app.rooms.withRoom({ boardId, doc: 'control' }, (room) => readBoardTitle(room.doc));
    const body: BoardSession = {
      boardId,
      role,
      title,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      protocolVersion: PROTOCOL_VERSION,
    };
    return body;
  });
};
