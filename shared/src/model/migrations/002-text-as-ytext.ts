import * as Y from 'yjs';
import { objectEntries } from '../boardDoc.ts';
import type { Migration } from './types.ts';

/**
 * v1 -> v2. The first prototype stored note text as a plain string (and a
 * frame's title as `title`), so two people typing in one note overwrote each
 * other. From v2 all text is a `Y.Text` under `text`, which merges keystrokes.
 */
export const textAsYText: Migration = {
  to: 2,
  name: 'text-as-ytext',
  up(doc) {
    // Values that are not object maps (a bad peer's write) are left as they are.
    for (const [, map] of objectEntries(doc)) {
      const legacyTitle = map.get('title');
      if (typeof legacyTitle === 'string') {
        map.delete('title');
        if (!(map.get('text') instanceof Y.Text)) map.set('text', new Y.Text(legacyTitle));
      }
      const text = map.get('text');
      if (typeof text === 'string') map.set('text', new Y.Text(text));
      else if (text === undefined && map.get('type') !== 'connector') map.set('text', new Y.Text(''));
    }
  },
};
