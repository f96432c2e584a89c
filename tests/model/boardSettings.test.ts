/**
 * The board title: one limit (MAX_TITLE_LENGTH) for the create request, the
 * stored setting and the rename field, and the stored value read through
 * BoardSettingsSchema, since any facilitator's client (of any version) can
 * write it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CreateBoardRequestSchema, MAX_TITLE_LENGTH, cleanBoardTitle, getSettingsMap, readBoardTitle } from '@clapboard/shared';

function controlDocWithTitle(title: unknown): Y.Doc {
  const doc = new Y.Doc();
  getSettingsMap(doc).set('title', title);
  return doc;
}

describe('the board title', () => {
  it('reads back what was stored, up to the limit', () => {
    expect(readBoardTitle(controlDocWithTitle('Retro'))).toBe('Retro');
    expect(readBoardTitle(controlDocWithTitle('x'.repeat(MAX_TITLE_LENGTH)))).toHaveLength(MAX_TITLE_LENGTH);
  });

  it('reads as untitled when missing, not a string, or over the limit', () => {
    expect(readBoardTitle(new Y.Doc())).toBe('');
    expect(readBoardTitle(controlDocWithTitle(42))).toBe('');
    expect(readBoardTitle(controlDocWithTitle('x'.repeat(MAX_TITLE_LENGTH + 1)))).toBe('');
  });

  it('is held to the same limit when a board is created', () => {
    expect(CreateBoardRequestSchema.safeParse({ title: 'x'.repeat(MAX_TITLE_LENGTH) }).success).toBe(true);
    expect(CreateBoardRequestSchema.safeParse({ title: 'x'.repeat(MAX_TITLE_LENGTH + 1) }).success).toBe(false);
  });

  it('is trimmed and cut to the limit on rename, so a rename always stores a readable title', () => {
    expect(cleanBoardTitle('  Retro  ')).toBe('Retro');
    const long = cleanBoardTitle(` ${'y'.repeat(MAX_TITLE_LENGTH + 50)}`);
    expect(long).toHaveLength(MAX_TITLE_LENGTH);
    expect(readBoardTitle(controlDocWithTitle(long))).toBe(long);
  });
});
