import { MAX_DISPLAY_NAME_LENGTH } from '@clapboard/shared';

/** Where the display name is kept between visits (no account: a name is all we ask for). */
export const DISPLAY_NAME_KEY = 'clapboard.displayName';
const COLOR_KEY = 'clapboard.color';

/** Cursor colours, all dark enough for white name labels (WCAG AA). */
export const CURSOR_COLORS = ['#c62828', '#ad1457', '#6a1b9a', '#283593', '#1565c0', '#00695c', '#2e7d32', '#8d6e00', '#d84315', '#4e342e'];

export function defaultDisplayName(guestLabel: (n: number) => string): string {
  return guestLabel(100 + Math.floor(Math.random() * 900));
}

/** The stored name, trimmed to what the awareness schema accepts, or a fresh "Guest NNN". */
export function loadDisplayName(guestLabel: (n: number) => string): string {
  const stored = sanitizeName(safeGet(DISPLAY_NAME_KEY) ?? '');
  if (stored) return stored;
  const name = defaultDisplayName(guestLabel);
  safeSet(DISPLAY_NAME_KEY, name);
  return name;
}

export function saveDisplayName(name: string): void {
  const clean = sanitizeName(name);
  if (clean) safeSet(DISPLAY_NAME_KEY, clean);
}

export function sanitizeName(name: string): string {
  return name.trim().slice(0, MAX_DISPLAY_NAME_LENGTH).trim();
}

/**
 * A colour nobody else present has, when this person's clashes with
 * someone's: two people in one colour cannot be told apart on the canvas.
 * Of a clashing pair only the one with the larger client id moves, so two
 * tabs never both change at once and swap into a new clash. Null: keep it.
 */
export function distinctColor(own: { clientId: number; color: string }, others: readonly { clientId: number; color: string }[]): string | null {
  const clash = others.some((peer) => peer.color === own.color && peer.clientId < own.clientId);
  if (!clash) return null;
  const taken = new Set(others.map((peer) => peer.color));
  return CURSOR_COLORS.find((color) => !taken.has(color)) ?? null;
}

export function saveColor(color: string): void {
  if (CURSOR_COLORS.includes(color)) safeSet(COLOR_KEY, color);
}

export function loadColor(): string {
  const stored = safeGet(COLOR_KEY);
  if (stored && CURSOR_COLORS.includes(stored)) return stored;
  const color = CURSOR_COLORS[Math.floor(Math.random() * CURSOR_COLORS.length)] ?? '#1565c0';
  safeSet(COLOR_KEY, color);
  return color;
}

// Storage can throw (private mode, disabled storage); presence must still work.
function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function safeSet(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Keep the name for this visit only.
  }
}
