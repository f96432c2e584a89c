import { z } from 'zod';

/** A BCP 47 language tag (`en`, `ti`, `pt-BR`, `zh-Hant`), loosely checked: what notes, answers and translations record as their `lang`. */
export const LanguageTagSchema = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/, 'lang must be a language tag such as "en" or "pt-BR"');
