import { currentLanguage } from '../i18n/index.ts';

/**
 * Headers for a request to the board's API: the board token when there is
 * one, and the interface language as `Accept-Language`, so the server's
 * error messages come in the language the page shows (not the browser's,
 * which may differ when someone picked another).
 */
export function apiHeaders(token?: string | null): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': currentLanguage() };
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}
