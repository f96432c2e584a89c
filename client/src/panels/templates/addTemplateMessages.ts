import type { TFunction } from 'i18next';
import { MAX_BOARD_STEPS } from '@clapboard/shared';
import type { BoardApiError } from '../../connection/boardApiRequest.ts';
import { readableZodMessage } from '../apiMessages.ts';

/** A sentence for a refused `POST /api/boards/:id/templates`. */
export function addTemplateErrorMessage(t: TFunction, error: BoardApiError): string {
  if (error.status === null) return t('templates.error.network');
  switch (error.code) {
    case 'FORBIDDEN':
      return t('templates.error.forbidden');
    case 'TOO_MANY_STEPS':
      return t('templates.error.tooManySteps', { max: MAX_BOARD_STEPS });
    case 'PAYLOAD_TOO_LARGE':
      return t('templates.error.tooLarge');
    case 'BAD_REQUEST':
      return t('templates.error.invalid', { message: readableZodMessage(error.message) });
    default:
      return t('templates.error.unknown', { status: error.status });
  }
}
