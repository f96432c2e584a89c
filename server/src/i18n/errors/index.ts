import type { InterfaceLanguage } from '@clapboard/shared';
import { ar } from './ar.ts';
import { fa } from './fa.ts';
import { fr } from './fr.ts';
import { ps } from './ps.ts';
import type { ErrorCatalog } from './types.ts';
import { uk } from './uk.ts';

export * from './types.ts';

/** Every interface language but English, whose words are the routes' own (more exact) messages. */
export const ERROR_CATALOGS: Readonly<Record<Exclude<InterfaceLanguage, 'en'>, ErrorCatalog>> = { ar, fa, ps, uk, fr };
