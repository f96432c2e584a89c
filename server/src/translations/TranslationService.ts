import * as Y from 'yjs';
import {
  getObjectMap,
  getTranslationsMap,
  readRevealedAnswer,
  readRound,
  translationKey,
  type DeleteTranslationRequest,
  type PutTranslationRequest,
  type TransactionOrigin,
  type TranslationKind,
} from '@clapboard/shared';
import type { TranslationLimits } from '../config.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';

declare module '@clapboard/shared' {
  interface ServerWriteReasons {
    translation: true;
  }
}

export const TRANSLATION_ORIGIN = Object.freeze({ kind: 'server', reason: 'translation' } as const) satisfies TransactionOrigin;

/** Objects whose words can be translated: those with a `text` people wrote. An answer card is translated through its answer. */
const TRANSLATABLE_OBJECT_TYPES: ReadonlySet<unknown> = new Set(['note', 'text', 'shape', 'frame']);

export type PutOutcome = 'done' | 'no-target' | 'hidden' | 'full';

/**
 * Interpreters' translations (shared/src/translations.ts): what the routes
 * (translationRoutes.ts) do. Each is written by the server's own Yjs client
 * into the content document's `translations` root, so the original keeps its
 * author and an anonymous answer's translation is keyed by its answerId
 * alone. Nothing about the translator is stored, and nothing here logs.
 */
export class TranslationService {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly limits: TranslationLimits,
  ) {}

  /** Adds or replaces the translation of a target into `lang`; resolves once it is durable and relayed. */
  put(boardId: string, request: PutTranslationRequest): Promise<PutOutcome> {
    return this.rooms.withRoom({ boardId, doc: 'content' }, async (room) => {
      const target = await this.targetState(boardId, room.doc, request.kind, request.targetId);
      if (target !== 'ok') return target;
      const translations = getTranslationsMap(room.doc);
      const key = translationKey(request.kind, request.targetId, request.lang);
      if (!translations.has(key) && translations.size >= this.limits.maxPerBoard) return 'full';
      await room.transactDurably(() => {
        const entry = new Y.Map<unknown>();
        entry.set('kind', request.kind);
        entry.set('targetId', request.targetId);
        entry.set('lang', request.lang);
        entry.set('text', request.text);
        translations.set(key, entry);
      }, TRANSLATION_ORIGIN);
      return 'done';
    });
  }

  /** Removes one translation; 'missing' when there is none. */
  remove(boardId: string, request: DeleteTranslationRequest): Promise<'done' | 'missing'> {
    return this.rooms.withRoom({ boardId, doc: 'content' }, async (room) => {
      const translations = getTranslationsMap(room.doc);
      const key = translationKey(request.kind, request.targetId, request.lang);
      if (!translations.has(key)) return 'missing';
      await room.transactDurably(() => translations.delete(key), TRANSLATION_ORIGIN);
      return 'done';
    });
  }

  /** Whether the target exists now and may be translated. */
  private async targetState(boardId: string, content: Y.Doc, kind: TranslationKind, targetId: string): Promise<'ok' | 'no-target' | 'hidden'> {
    if (kind === 'object') return TRANSLATABLE_OBJECT_TYPES.has(getObjectMap(content, targetId)?.get('type')) ? 'ok' : 'no-target';
    if (kind === 'answer') {
      const answer = readRevealedAnswer(content, targetId);
      if (!answer) return 'no-target';
      return answer.hidden ? 'hidden' : 'ok';
    }
    const round = await this.rooms.withRoom({ boardId, doc: 'control' }, (control) => readRound(control.doc, targetId));
    return round ? 'ok' : 'no-target';
  }
}
