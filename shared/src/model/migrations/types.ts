import type * as Y from 'yjs';

export interface Migration {
  /** Version this migration produces; it runs on documents at `to - 1`. */
  readonly to: number;
  /** Short kebab-case name, also the file name after its number. */
  readonly name: string;
  /** Rewrites the document in place; runs inside the caller's transaction. */
  up(doc: Y.Doc): void;
}
