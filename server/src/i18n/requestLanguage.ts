import type { FastifyRequest } from 'fastify';
import { languageForAcceptLanguage, type InterfaceLanguage } from '@clapboard/shared';

/**
 * The language to answer a request in: its `Accept-Language`, read as the
 * exports read it (shared/src/interfaceLanguages.ts). The board's pages send
 * the interface language they show, so a person reads the server's answers
 * in the language they picked, not the browser's.
 */
export function requestLanguage(request: FastifyRequest): InterfaceLanguage {
  return languageForAcceptLanguage(request.headers['accept-language']);
}
