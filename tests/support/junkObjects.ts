import * as Y from 'yjs';

/**
 * One value of every shape a peer could store under `objects` that is not a
 * readable board object, keyed by what it is: readers must skip each one.
 */
export function junkObjects(): Record<string, unknown> {
  const unknownType = new Y.Map<unknown>();
  unknownType.set('type', 'sticker');
  unknownType.set('z', 3);
  return {
    string: 'not a map',
    number: 42,
    text: new Y.Text('loose text'),
    array: Y.Array.from([1, 2, 3]),
    unknownType,
  };
}

export const JUNK_IDS: readonly string[] = Object.keys(junkObjects());
