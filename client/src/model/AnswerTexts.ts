import * as Y from 'yjs';
import { getAnswersMap, readRevealedAnswer, type RevealedAnswer } from '@clapboard/shared';

type Listener = () => void;

/**
 * The words of revealed anonymous answers, read from the content document's
 * server-written `answers` root (docs/anonymity.md). Answer cards on the
 * board carry only an `answerId`; their words change only when the server
 * writes them (the author's edit by receipt, a facilitator's hide), so each
 * answer is read once, cached, and re-read when its entry changes, and only
 * the cards showing that answer are told.
 */
export class AnswerTexts {
  private readonly answers: Y.Map<unknown>;
  private readonly cache = new Map<string, RevealedAnswer | null>();
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(doc: Y.Doc) {
    this.answers = getAnswersMap(doc);
    this.answers.observeDeep(this.handleChange);
  }

  destroy(): void {
    this.answers.unobserveDeep(this.handleChange);
  }

  /** The answer's words and state; a stable object until they change, so it can feed useSyncExternalStore. */
  get(answerId: string): RevealedAnswer | null {
    if (!this.cache.has(answerId)) this.cache.set(answerId, readRevealedAnswer(this.answers.doc!, answerId));
    return this.cache.get(answerId)!;
  }

  subscribe(answerId: string, listener: Listener): () => void {
    let set = this.listeners.get(answerId);
    if (!set) {
      set = new Set();
      this.listeners.set(answerId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(answerId);
    };
  }

  private readonly handleChange = (events: Array<Y.YEvent<any>>): void => {
    const changed = new Set<string>();
    for (const event of events) {
      if (event.target === this.answers) for (const key of (event as Y.YMapEvent<unknown>).keysChanged) changed.add(key);
      else if (typeof event.path[0] === 'string') changed.add(event.path[0]);
    }
    for (const answerId of changed) {
      this.cache.delete(answerId);
      for (const listener of this.listeners.get(answerId) ?? []) listener();
    }
  };
}
