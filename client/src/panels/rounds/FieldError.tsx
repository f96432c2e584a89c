import { useTranslation } from 'react-i18next';
import type { FormError } from './roundForm.ts';

/** One field's error, under it, with the id its input's `aria-describedby` names (only while there is one). */
export function FieldError({ id, error }: { id: string; error: FormError | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="round-field-error error" data-testid="round-field-error">
      {t(error.key, error.values ?? {})}
    </p>
  );
}

/** `aria-describedby` from the ids given, skipping those that are not rendered. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
