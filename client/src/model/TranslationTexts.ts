import * as Y from 'yjs';
import { getTranslationsMap, readTranslations, type TranslationRecord } from '@clapboard/shared';

type Listener = () => void;

/**
 * Interpreters' translations, read from the content document's
 * server-written `translations` root (shared/src/translations.ts). Read
 * once and kept until the root changes, so the snapshot is a stable value
 * for useSyncExternalStore; translations change rarely, a whole re-read is
 * cheap next to a render.
 */
export class TranslationTexts {
  private readonly root: Y.Map<unknown>;
  private snapshot: readonly TranslationRecord[] | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly doc: Y.Doc) {
    this.root = getTranslationsMap(doc);
    this.root.observeDeep(this.handleChange);
  }

  destroy(): void {
    this.root.unobserveDeep(this.handleChange);
  }

  all(): readonly TranslationRecord[] {
    this.snapshot ??= readTranslations(this.doc);
    return this.snapshot;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private readonly handleChange = (): void => {
    this.snapshot = null;
    for (const listener of this.listeners) listener();
  };
}
