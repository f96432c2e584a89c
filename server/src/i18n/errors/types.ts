import type { ApiErrorCode } from '@clapboard/shared';

export type ApiErrorCodeValue = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

/**
 * What a person is told, in one language, for each error code. A route's
 * English message names the detail (which field, which limit); these say
 * what happened in words for someone who is not a developer, since they
 * are what the board's pages show when they have no sentence of their own.
 */
export interface ErrorCatalog {
  /** Who checked this catalog, or null when nobody fluent has (as the interface catalogs). */
  readonly reviewedBy: string | null;
  readonly messages: Readonly<Record<ApiErrorCodeValue, string>>;
}
