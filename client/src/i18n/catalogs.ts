import type { CatalogReview } from './catalogReview.ts';
import type { Language } from './languages.ts';

/** A catalog's strings: nested objects of strings, keyed as in English, with each language's own plural suffixes. */
export interface Catalog {
  [key: string]: string | Catalog;
}

export interface LoadedCatalog {
  strings: Catalog;
  review: CatalogReview;
}

/**
 * One loader per language other than English (which is bundled, as the
 * fallback every page can show at once): each catalog is its own chunk,
 * fetched only when someone picks or prefers that language.
 */
export const CATALOG_LOADERS: Readonly<Record<Exclude<Language, 'en'>, () => Promise<LoadedCatalog>>> = {
  ar: () => import('./locales/ar.ts').then((module) => ({ strings: module.ar, review: module.review })),
  fa: () => import('./locales/fa.ts').then((module) => ({ strings: module.fa, review: module.review })),
  ps: () => import('./locales/ps.ts').then((module) => ({ strings: module.ps, review: module.review })),
  uk: () => import('./locales/uk.ts').then((module) => ({ strings: module.uk, review: module.review })),
  fr: () => import('./locales/fr.ts').then((module) => ({ strings: module.fr, review: module.review })),
};
