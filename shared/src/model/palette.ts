import { z } from 'zod';

/**
 * Sticky-note colours are named tokens, not hex values: a name can be read
 * out by a screen reader and printed in exports ("yellow note"), so colour is
 * never the only signal, and the theme can change a shade for contrast
 * without rewriting every board.
 */
export const NOTE_COLORS = ['yellow', 'orange', 'red', 'pink', 'violet', 'blue', 'teal', 'green', 'gray'] as const;
export const NoteColorSchema = z.enum(NOTE_COLORS);
export type NoteColor = z.infer<typeof NoteColorSchema>;

/** Fill and ink for each note colour; ink contrast is >= 4.5:1 (WCAG AA) on every fill. */
export const NOTE_PALETTE: Record<NoteColor, { fill: string; ink: string }> = {
  yellow: { fill: '#fff176', ink: '#1a1a1a' },
  orange: { fill: '#ffb74d', ink: '#1a1a1a' },
  red: { fill: '#ef9a9a', ink: '#1a1a1a' },
  pink: { fill: '#f8bbd0', ink: '#1a1a1a' },
  violet: { fill: '#ce93d8', ink: '#1a1a1a' },
  blue: { fill: '#90caf9', ink: '#1a1a1a' },
  teal: { fill: '#80cbc4', ink: '#1a1a1a' },
  green: { fill: '#a5d6a7', ink: '#1a1a1a' },
  gray: { fill: '#e0e0e0', ink: '#1a1a1a' },
};

/** Colours for shapes, text and frames; the same token idea as notes. */
export const INK_COLORS = ['black', 'gray', 'blue', 'green', 'red', 'violet', 'white'] as const;
export const InkColorSchema = z.enum(INK_COLORS);
export type InkColor = z.infer<typeof InkColorSchema>;

export const INK_PALETTE: Record<InkColor, string> = {
  black: '#1a1a1a',
  gray: '#616161',
  blue: '#1565c0',
  green: '#2e7d32',
  red: '#c62828',
  violet: '#6a1b9a',
  white: '#ffffff',
};
