import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiErrorCode,
  ContactRequestSchema,
  MonitoringAnswersSchema,
  RetentionRequestSchema,
  SMALLEST_REPORTED_GROUP,
  completeMonitoringAnswers,
  readStatement,
  reportMonitoring,
  writeStatement,
  type ContactList,
  type MonitoringCounts,
  type RetentionResponse,
  type Role,
  type TransactionOrigin,
} from '@clapboard/shared';
import { routeAccess, type Caller } from '../auth/routeAccess.ts';
import type { PrivacySettings } from '../config.ts';
import { sendError } from '../errors.ts';
import type { RoundStore } from '../rounds/RoundStore.ts';
import type { VoteStore } from '../votes/VoteStore.ts';
import type { BoardDeletionFeed } from './BoardDeletionFeed.ts';
import { BoardErasure, type BoardKeyedStore } from './BoardErasure.ts';
import { exportBoard } from './exportBoard.ts';
import type { ContactStore, MonitoringStore } from './participantDataStores.ts';
import { RetentionSweeper } from './RetentionSweeper.ts';

declare module '@clapboard/shared' {
  interface ServerWriteReasons {
    /** The statement's copy of the board's retention date, written when a facilitator changes the date. */
    retention: true;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Erasure of boards (DELETE /api/boards/:id and the retention sweep). */
    erasure: BoardErasure;
    /** The retention sweep; `sweepNow()` for tests. */
    retention: RetentionSweeper;
  }
}

export interface PrivacyRoutesOptions {
  settings: PrivacySettings;
  monitoring: MonitoringStore;
  contacts: ContactStore;
  rounds: RoundStore;
  votes: VoteStore;
  /** The stores keyed by board besides the board store; each forgets an erased board. */
  keyedStores: readonly BoardKeyedStore[];
  deletions: BoardDeletionFeed;
  /** The sweep's clock (tests); defaults to Date.now. */
  now?: () => number;
}

type Params = { boardId: string };

const RETENTION_ORIGIN = Object.freeze({ kind: 'server', reason: 'retention' } as const) satisfies TransactionOrigin;

/**
 * Data protection (issue #11; docs/protocol.md, "Data protection"): erasure,
 * retention dates and their sweep, equality monitoring and contacts, and
 * the subject-access export. Monitoring and contact requests are logged at
 * `warn` only, like answers: a request line carries a time, and a line per
 * response would record when each person gave theirs.
 */
export const privacyRoutes = fp<PrivacyRoutesOptions>(
  async (app, options) => {
    const { settings, monitoring, contacts } = options;
    const erasure = new BoardErasure({ store: app.store, keyedStores: options.keyedStores, rooms: app.rooms, feed: options.deletions, log: app.log });
    await erasure.start();
    const sweeper = new RetentionSweeper({
      store: app.store,
      erasure,
      intervalMs: settings.retentionSweepMs,
      defaultRetentionDays: settings.defaultRetentionDays,
      log: app.log,
      ...(options.now ? { now: options.now } : {}),
    });
    app.decorate('erasure', erasure);
    app.decorate('retention', sweeper);
    app.addHook('onReady', async () => sweeper.start());
    app.addHook('onClose', async () => {
      await sweeper.stop();
      await erasure.close();
      await monitoring.close();
      await contacts.close();
    });

    const access = routeAccess(app.store);
    /** The caller, if their role is one of `roles`; else null with the 401 or 403 sent. */
    const caller = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, roles: readonly Role[], refusal: string): Promise<Caller | null> => {
      const found = await access.authorize(request, reply);
      if (!found || roles.includes(found.role)) return found;
      access.forbidden(reply, refusal);
      return null;
    };
    const facilitator = (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, what: string) => caller(request, reply, ['facilitator'], `only facilitators ${what}`);
    const quiet = { logLevel: 'warn' as const };

    app.delete<{ Params: Params }>('/api/boards/:boardId', async (request, reply) => {
      const found = await facilitator(request, reply, 'delete a board');
      if (!found) return reply;
      await erasure.erase(found.boardId);
      return reply.code(204).send();
    });

    app.get<{ Params: Params }>('/api/boards/:boardId/retention', async (request, reply) => {
      const found = await access.authorize(request, reply);
      if (!found) return reply;
      const deleteOn = await app.store.retentionDate(found.boardId);
      if (!deleteOn) return sendError(reply, 404, ApiErrorCode.NotFound, 'this board has no retention date yet; the next sweep gives it one');
      const body: RetentionResponse = { deleteOn };
      return reply.header('cache-control', 'no-store').send(body);
    });

    app.put<{ Params: Params }>('/api/boards/:boardId/retention', async (request, reply) => {
      const found = await facilitator(request, reply, 'change when a board is deleted');
      if (!found) return reply;
      const parsed = RetentionRequestSchema.safeParse(request.body);
      if (!parsed.success) return access.badBody(reply, parsed.error);
      const { deleteOn } = parsed.data;
      if (!(await app.store.setRetentionDate(found.boardId, deleteOn))) return sendError(reply, 401, ApiErrorCode.Unauthorized, 'missing or invalid board token');
      // The statement's copy follows, so what participants read is the date the sweep keeps.
      await app.rooms.withRoom({ boardId: found.boardId, doc: 'control' }, (room) => {
        const statement = readStatement(room.doc);
        if (!statement || statement.deleteOn === deleteOn) return;
        return room.transactDurably(() => writeStatement(room.doc, { ...statement, deleteOn }), RETENTION_ORIGIN);
      });
      const body: RetentionResponse = { deleteOn };
      return reply.send(body);
    });

    app.post<{ Params: Params }>('/api/boards/:boardId/monitoring', quiet, async (request, reply) => {
      const found = await caller(request, reply, ['participant', 'interpreter'], 'only participants answer equality monitoring');
      if (!found) return reply;
      const parsed = MonitoringAnswersSchema.safeParse(request.body ?? {});
      if (!parsed.success) return access.badBody(reply, parsed.error);
      const outcome = await monitoring.add(found.boardId, completeMonitoringAnswers(parsed.data), {
        groupSize: SMALLEST_REPORTED_GROUP,
        maxResponses: settings.maxMonitoringResponsesPerBoard,
      });
      if (outcome === 'full') return sendError(reply, 409, ApiErrorCode.MonitoringFull, `a board takes at most ${settings.maxMonitoringResponsesPerBoard} monitoring responses`);
      if (outcome === 'missing') return sendError(reply, 401, ApiErrorCode.Unauthorized, 'missing or invalid board token');
      return reply.code(201).send();
    });

    app.post<{ Params: Params }>('/api/boards/:boardId/contact', quiet, async (request, reply) => {
      const found = await caller(request, reply, ['participant', 'interpreter'], 'only participants leave a contact');
      if (!found) return reply;
      const parsed = ContactRequestSchema.safeParse(request.body);
      if (!parsed.success) return access.badBody(reply, parsed.error);
      const outcome = await contacts.add(found.boardId, parsed.data.contact, settings.maxContactsPerBoard);
      if (outcome === 'full') return sendError(reply, 409, ApiErrorCode.ContactsFull, `a board takes at most ${settings.maxContactsPerBoard} contacts`);
      if (outcome === 'missing') return sendError(reply, 401, ApiErrorCode.Unauthorized, 'missing or invalid board token');
      return reply.code(201).send();
    });

    app.get<{ Params: Params }>('/api/boards/:boardId/monitoring', async (request, reply) => {
      const found = await facilitator(request, reply, 'read equality monitoring');
      if (!found) return reply;
      const state = await monitoring.read(found.boardId);
      const report = reportMonitoring(state?.released ?? 0, (state?.releasedCounts ?? {}) as MonitoringCounts, state?.pending ?? 0);
      return reply.header('cache-control', 'no-store').send(report);
    });

    app.get<{ Params: Params }>('/api/boards/:boardId/contacts', async (request, reply) => {
      const found = await facilitator(request, reply, 'download contacts');
      if (!found) return reply;
      const body: ContactList = { contacts: await contacts.list(found.boardId) };
      return reply.header('cache-control', 'no-store').header('content-disposition', 'attachment; filename="contacts.json"').send(body);
    });

    app.get<{ Params: Params }>('/api/boards/:boardId/export-all', async (request, reply) => {
      const found = await facilitator(request, reply, 'export a board');
      if (!found) return reply;
      const bundle = await exportBoard(app, found.boardId, { rounds: options.rounds, votes: options.votes, monitoring, contacts });
      return reply.header('cache-control', 'no-store').header('content-disposition', 'attachment; filename="board-export.json"').send(bundle);
    });
  },
  { name: 'clapboard-privacy', dependencies: ['clapboard-sync'] },
);
