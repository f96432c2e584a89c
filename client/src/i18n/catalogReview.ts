/**
 * Who checked a catalog. Each shipped catalog exports one beside its
 * strings; the language picker says so when nobody fluent has
 * (`reviewedBy: null`), so a reader knows the wording may be off and a
 * facilitator knows to ask an interpreter before relying on it.
 */
export interface CatalogReview {
  /** Name or organisation of the fluent reviewer, or null when nobody has reviewed it yet. */
  reviewedBy: string | null;
  note: string;
}
