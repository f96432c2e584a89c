import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdateScope } from '@clapboard/server';
import {
  CLIENT_WRITABLE_CONTENT_ROOTS,
  THEMES_LAYOUT,
  THEME_MEMBERS_KEY,
  THEME_PADDING,
  THEME_HEADER,
  THEME_GAP,
  addToTheme,
  arrangeInGrid,
  createTheme,
  deleteObjects,
  deleteTheme,
  describeTheme,
  getObjectMap,
  getThemeMap,
  getThemesMap,
  insertObject,
  isValidStoredTheme,
  markDuplicate,
  mergeThemes,
  readAllObjects,
  readThemes,
  removeFromTheme,
  renameTheme,
  setTags,
  themesByNote,
} from '@clapboard/shared';

const note = (id: string, x = 0, y = 0) => ({ id, type: 'note' as const, x, y, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text: `note ${id}` });

/** A board with notes n1..n<count> in a row, 300 apart. */
function boardWithNotes(count: number): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let index = 1; index <= count; index += 1) insertObject(doc, note(`n${index}`, (index - 1) * 300, 0));
  });
  return doc;
}

/** A second replica of `doc`, as a second person's browser holds it. */
function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Exchanges everything each side lacks, in the given direction first. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const members = (doc: Y.Doc) => readThemes(doc).map((theme) => [theme.name, theme.noteIds]);

describe('themes as records in the content document', () => {
  it('createTheme puts the given notes in, fits its area around them, and skips what is not a note on the board', () => {
    const doc = boardWithNotes(3);
    doc.transact(() => insertObject(doc, { id: 'f1', type: 'frame', x: 0, y: 0, width: 100, height: 100, z: 0, frameId: null, text: 'Frame' }));
    const id = createTheme(doc, { noteIds: ['n3', 'n1', 'gone', 'f1', 'n1'], name: '  Interpreters  ' });
    const [theme] = readThemes(doc);
    expect(theme).toEqual({
      id,
      name: 'Interpreters',
      description: '',
      noteIds: ['n1', 'n3'],
      x: -THEME_PADDING,
      y: -THEME_PADDING - THEME_HEADER,
      width: 800 + 2 * THEME_PADDING,
      height: 200 + 2 * THEME_PADDING + THEME_HEADER,
      color: 'gray',
      origin: 'manual',
    });
  });

  it('readThemes lists valid themes only, sorted by name then id, with members that are still on the board', () => {
    const doc = boardWithNotes(3);
    createTheme(doc, { id: 'b', noteIds: ['n1'], name: 'Same' });
    createTheme(doc, { id: 'a', noteIds: ['n2', 'n3'], name: 'Same' });
    createTheme(doc, { id: 'c', noteIds: ['n3'], name: 'Access' });
    // A peer's junk: a theme with a colour no palette has, a non-map value, a member flag that is not true.
    createTheme(doc, { id: 'bad', noteIds: ['n1'], name: 'Bad' });
    getThemeMap(doc, 'bad')!.set('color', '#ff0000');
    getThemesMap(doc).set('junk', 'not a map' as never);
    (getThemeMap(doc, 'c')!.get(THEME_MEMBERS_KEY) as Y.Map<unknown>).set('n1', 'yes');
    expect(readThemes(doc).map((theme) => theme.id)).toEqual(['c', 'a', 'b']);
    expect(readThemes(doc).find((theme) => theme.id === 'c')!.noteIds).toEqual(['n3']);
    // A deleted note leaves its themes, without any write to them.
    deleteObjects(doc, ['n3']);
    expect(members(doc)).toEqual([['Access', []], ['Same', ['n2']], ['Same', ['n1']]]);
    expect(themesByNote(readThemes(doc)).get('n1')).toEqual(['b']);
  });

  it('two people adding different notes to one theme at once both land', () => {
    const alice = boardWithNotes(4);
    const id = createTheme(alice, { noteIds: ['n1'], name: 'Waits' });
    const bob = replica(alice);
    addToTheme(alice, id, ['n2']);
    addToTheme(bob, id, ['n3']);
    renameTheme(bob, id, 'Waiting times');
    removeFromTheme(alice, id, ['n1']);
    sync(alice, bob);
    expect(members(alice)).toEqual([['Waiting times', ['n2', 'n3']]]);
    expect(readThemes(bob)).toEqual(readThemes(alice));
  });

  it('merging keeps every member of both themes, and an area and description covering both', () => {
    const doc = boardWithNotes(4);
    const a = createTheme(doc, { noteIds: ['n1', 'n2'], name: 'GP', description: 'Appointments' });
    const b = createTheme(doc, { noteIds: ['n2', 'n4'], name: 'Doctors', description: 'Registration' });
    expect(mergeThemes(doc, a, b)).toBe(a);
    const themes = readThemes(doc);
    expect(themes).toHaveLength(1);
    expect(themes[0]).toMatchObject({ id: a, name: 'GP', noteIds: ['n1', 'n2', 'n4'], description: 'Appointments\n\nRegistration' });
    expect(themes[0]!.x + themes[0]!.width).toBeGreaterThanOrEqual(900 + 200);
    // The merged theme's id still leads to the one that remains.
    addToTheme(doc, b, ['n3']);
    expect(readThemes(doc)[0]!.noteIds).toEqual(['n1', 'n2', 'n3', 'n4']);
    removeFromTheme(doc, a, ['n4']);
    expect(readThemes(doc)[0]!.noteIds).toEqual(['n1', 'n2', 'n3']);
  });

  it.each([
    ['merge first', true],
    ['drag first', false],
  ])('a note dragged into a theme while someone else merges it away still reaches the merged theme (%s)', (_label, mergeFirst) => {
    const alice = boardWithNotes(4);
    const a = createTheme(alice, { noteIds: ['n1'], name: 'A' });
    const b = createTheme(alice, { noteIds: ['n2'], name: 'B' });
    const bob = replica(alice);
    mergeThemes(alice, a, b);
    addToTheme(bob, b, ['n3']);
    if (mergeFirst) sync(alice, bob);
    else sync(bob, alice);
    for (const doc of [alice, bob]) expect(members(doc)).toEqual([['A', ['n1', 'n2', 'n3']]]);
  });

  it('two people merging a into b and b into a at once end with one theme holding everything, the same on both', () => {
    const alice = boardWithNotes(3);
    const a = createTheme(alice, { id: 'aaa', noteIds: ['n1'], name: 'A' });
    const b = createTheme(alice, { id: 'bbb', noteIds: ['n2'], name: 'B' });
    const bob = replica(alice);
    mergeThemes(alice, a, b);
    mergeThemes(bob, b, a);
    addToTheme(bob, b, ['n3']);
    sync(alice, bob);
    expect(readThemes(alice)).toEqual(readThemes(bob));
    expect(readThemes(alice).map((theme) => [theme.id, theme.noteIds])).toEqual([['aaa', ['n1', 'n2', 'n3']]]);
  });

  it('deleting a theme deletes it and what was merged into it, and leaves the notes', () => {
    const doc = boardWithNotes(2);
    const a = createTheme(doc, { noteIds: ['n1'], name: 'A' });
    const b = createTheme(doc, { noteIds: ['n2'], name: 'B' });
    mergeThemes(doc, a, b);
    describeTheme(doc, a, 'x'.repeat(5000));
    expect(readThemes(doc)[0]!.description).toHaveLength(2000);
    deleteTheme(doc, b);
    expect(readThemes(doc)).toEqual([]);
    expect(getThemesMap(doc).size).toBe(0);
    expect(readAllObjects(doc)).toHaveLength(2);
  });
});

describe('gathering a theme’s notes', () => {
  it('arrangeInGrid lays notes out in a near-square grid, out of any frame, and skips what is not a note', () => {
    const doc = boardWithNotes(5);
    doc.transact(() => {
      insertObject(doc, { id: 'f1', type: 'frame', x: 0, y: 0, width: 100, height: 100, z: 0, frameId: null, text: 'Frame' });
      getObjectMap(doc, 'n5')!.set('frameId', 'f1');
    });
    const moved = arrangeInGrid(doc, ['n5', 'n1', 'f1', 'n3', 'n2', 'n4'], { x: 5000, y: 100 });
    expect(moved).toEqual(['n5', 'n1', 'n3', 'n2', 'n4']);
    const at = (id: string) => {
      const object = readAllObjects(doc).find((entry) => entry.id === id) as { x: number; y: number; frameId: string | null };
      return [object.x, object.y, object.frameId];
    };
    const step = 200 + THEME_GAP;
    expect(['n5', 'n1', 'n3', 'n2', 'n4'].map(at)).toEqual([
      [5000, 100, null],
      [5000 + step, 100, null],
      [5000 + 2 * step, 100, null],
      [5000, 100 + step, null],
      [5000 + step, 100 + step, null],
    ]);
    expect(at('f1').slice(0, 2)).toEqual([0, 0]);
  });
});

describe('tags and duplicates on notes', () => {
  it('setTags trims, drops empty tags and repeats, and caps count and length; no tags removes the field', () => {
    const doc = boardWithNotes(1);
    setTags(doc, 'n1', ['  Housing ', 'housing', '', 'GP', 'x'.repeat(60), ...Array.from({ length: 30 }, (_, index) => `t${index}`)]);
    const tags = (readAllObjects(doc)[0] as { tags?: string[] }).tags!;
    expect(tags.slice(0, 3)).toEqual(['Housing', 'GP', 'x'.repeat(40)]);
    expect(tags).toHaveLength(20);
    setTags(doc, 'n1', [' ']);
    expect(readAllObjects(doc)[0]).not.toHaveProperty('tags');
  });

  it('markDuplicate points at the first note, refuses loops and self, and can be cleared', () => {
    const doc = boardWithNotes(3);
    expect(markDuplicate(doc, 'n2', 'n1')).toBe(true);
    expect(markDuplicate(doc, 'n3', 'n2')).toBe(true);
    const duplicateOf = (id: string) => (readAllObjects(doc).find((object) => object.id === id) as { duplicateOf?: string }).duplicateOf;
    expect(duplicateOf('n3')).toBe('n1');
    expect(markDuplicate(doc, 'n1', 'n3')).toBe(false);
    expect(markDuplicate(doc, 'n1', 'n1')).toBe(false);
    expect(markDuplicate(doc, 'n1', 'nowhere')).toBe(false);
    expect(duplicateOf('n1')).toBeUndefined();
    expect(markDuplicate(doc, 'n3', null)).toBe(true);
    expect(duplicateOf('n3')).toBeUndefined();
  });
});

describe('the themes layout the server enforces', () => {
  /** The verdict on one change made by a client in sync with `server`. */
  function judge(server: Y.Doc, change: (client: Y.Doc) => void) {
    const client = replica(server);
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    client.transact(() => change(client));
    expect(updates).toHaveLength(1);
    return checkUpdateScope(server, updates[0]!, CLIENT_WRITABLE_CONTENT_ROOTS);
  }

  it('accepts every theme operation, and refuses a nested type anywhere but members, or deeper than members', () => {
    const server = boardWithNotes(3);
    const id = createTheme(server, { noteIds: ['n1'], name: 'A' });
    createTheme(server, { id: 'other', noteIds: ['n2'], name: 'B' });
    expect(judge(server, (doc) => createTheme(doc, { noteIds: ['n1', 'n2'], name: 'New' }))).toBe('allowed');
    expect(judge(server, (doc) => addToTheme(doc, id, ['n3']))).toBe('allowed');
    expect(judge(server, (doc) => mergeThemes(doc, id, 'other'))).toBe('allowed');
    expect(judge(server, (doc) => deleteTheme(doc, id))).toBe('allowed');
    // A theme whose members map a peer replaced: writing members anew is still the allowed shape.
    expect(judge(server, (doc) => getThemeMap(doc, id)!.set(THEME_MEMBERS_KEY, new Y.Map()))).toBe('allowed');
    expect(judge(server, (doc) => getThemeMap(doc, id)!.set('name', new Y.Map()))).toBe('layout');
    expect(judge(server, (doc) => getThemeMap(doc, id)!.set('name', new Y.Text('typed')))).toBe('layout');
    expect(judge(server, (doc) => (getThemeMap(doc, id)!.get(THEME_MEMBERS_KEY) as Y.Map<unknown>).set('n3', new Y.Map()))).toBe('layout');
    expect(judge(server, (doc) => getThemesMap(doc).set('loose', 'value' as never))).toBe('layout');
    expect(THEMES_LAYOUT[1]!.typeKeys).toEqual([THEME_MEMBERS_KEY]);
  });

  it('isValidStoredTheme accepts what createTheme writes and refuses unknown fields and bad members', () => {
    const doc = boardWithNotes(1);
    const id = createTheme(doc, { noteIds: ['n1'], name: 'A' });
    const plain = getThemeMap(doc, id)!.toJSON() as Record<string, unknown>;
    expect(isValidStoredTheme(plain, id)).toBe(true);
    expect(isValidStoredTheme({ ...plain, extra: 1 }, id)).toBe(false);
    expect(isValidStoredTheme({ ...plain, members: { n1: false } }, id)).toBe(false);
    expect(isValidStoredTheme({ ...plain, name: 'x'.repeat(201) }, id)).toBe(false);
    expect(isValidStoredTheme(plain, 'not an id!')).toBe(false);
  });
});
