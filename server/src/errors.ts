import { ApiErrorCode, type ApiError } from '@clapboard/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ERROR_CATALOGS, type ApiErrorCodeValue } from './i18n/errors/index.ts';
import { requestLanguage } from './i18n/requestLanguage.ts';
import { localizedValidationMessage } from './i18n/validationMessages.ts';

function sendBody(reply: FastifyReply, status: number, language: string, body: ApiError): FastifyReply {
  return reply.code(status).type('application/json').header('content-language', language).header('vary', 'Accept-Language').send(body);
}

/**
 * An error answer. `message` is the route's English words, exact about the
 * field or limit; a request whose `Accept-Language` asks for another
 * interface language gets that language's sentence for `code` instead
 * (server/src/i18n/errors), since a person reads it on the board's pages.
 * `code` is the same in every language: clients act on it.
 */
export function sendError(reply: FastifyReply, status: number, code: ApiErrorCodeValue, message: string): FastifyReply {
  const language = requestLanguage(reply.request);
  return sendBody(reply, status, language, { code, message: language === 'en' ? message : ERROR_CATALOGS[language].messages[code] });
}

/** A 400 for a body (or `input`) that failed its schema: each problem in the request's language (i18n/validationMessages.ts). */
export function sendValidationError(reply: FastifyReply, error: z.ZodError, input: unknown = reply.request.body): FastifyReply {
  const language = requestLanguage(reply.request);
  return sendBody(reply, 400, language, { code: ApiErrorCode.BadRequest, message: localizedValidationMessage(error, language, input) });
}

/**
 * Every unknown route, for every method. Replaces Fastify's default, which
 * logged `Route GET:<url> not found` at info and echoed the URL in the body:
 * query string, token and board id included. This says nothing about the
 * URL; the request lines already log its path, redacted (logger.ts).
 */
export function handleNotFound(_request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(reply, 404, ApiErrorCode.NotFound, 'not found');
}

/**
 * Errors Fastify raises before routing (`frameworkErrors`): a path that is
 * not valid percent-encoding, an over-long route parameter. Fastify's own
 * answers echo the path, board id included; these do not.
 */
export function handleFrameworkError(error: Error & { statusCode?: number }, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode ?? 400;
  if (status >= 500) return sendError(reply, status, ApiErrorCode.Internal, 'internal error');
  return sendError(reply, status, ApiErrorCode.BadRequest, 'bad request path');
}

/** What the client is told about a refused request, by status: our words, never the error's. */
const CLIENT_ERRORS: Readonly<Record<number, { code: ApiErrorCodeValue; message: string }>> = {
  401: { code: ApiErrorCode.Unauthorized, message: 'unauthorized' },
  404: { code: ApiErrorCode.NotFound, message: 'not found' },
  413: { code: ApiErrorCode.PayloadTooLarge, message: 'request body too large' },
  415: { code: ApiErrorCode.UnsupportedMediaType, message: 'unsupported content type' },
  429: { code: ApiErrorCode.RateLimited, message: 'too many requests; try again later' },
};

/** Fastify's body parsing errors that answer 400, told apart for the client. */
const BAD_BODY_MESSAGES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request body is empty',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request body does not match its Content-Length',
};

/**
 * The one error handler (`setErrorHandler`, at the root): every error that
 * reaches Fastify answers with an ApiError body. Those are Fastify's own
 * (a body that is not JSON, too large, of a type no parser takes, failing a
 * route schema) and anything a handler throws. Routes that know what went
 * wrong answer with sendError themselves and never get here.
 *
 * The client sees only words written here, plus a schema validation's
 * message (it names the field and the rule, never the value sent). A thrown
 * error's own message and stack may hold a board id, a token or a SQL
 * statement, so anything else answers 500 "internal error" and the error
 * goes to the log through the err serializer (logger.ts), at error level;
 * refused requests are logged at info, as Fastify's default handler does.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // As Fastify reads it: `statusCode`, else `status`, if it is an error status; otherwise 500.
  const declared = error.statusCode ?? (error as { status?: unknown }).status;
  const status = typeof declared === 'number' && Number.isInteger(declared) && declared >= 400 && declared <= 599 ? declared : 500;
  // Set before logging, so the `res` serializer records the status answered.
  reply.code(status);
  if (status >= 500) {
    request.log.error({ req: request, res: reply, err: error }, 'request failed');
    return sendError(reply, status, ApiErrorCode.Internal, 'internal error');
  }
  request.log.info({ res: reply, err: error }, 'request refused');
  if (error.validation) return sendError(reply, status, ApiErrorCode.BadRequest, error.message);
  const known = CLIENT_ERRORS[status];
  if (known) return sendError(reply, status, known.code, known.message);
  return sendError(reply, status, ApiErrorCode.BadRequest, BAD_BODY_MESSAGES[error.code] ?? 'bad request');
}
