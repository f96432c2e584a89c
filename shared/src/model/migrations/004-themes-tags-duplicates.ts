import type * as Y from 'yjs';
import { objectEntries } from '../boardDoc.ts';
import { SynthesisFields } from '../records/common.ts';
import type { Migration } from './types.ts';

/**
 * v3 -> v4. Synthesis (issue #10): the content document gains the `themes`
 * root (shared/src/synthesis/themes.ts), and notes and answer cards the
 * optional fields `tags` and `duplicateOf`.
 *
 * A Yjs root exists by name, so the root itself needs no write. What does:
 * a v3 board could already hold values under `tags` or `duplicateOf` (the
 * v3 layout let any client set any plain field on an object), which meant
 * nothing then. Read with the v4 schema, a bad one would make the whole note
 * invalid and hide it, so values that do not fit are removed. The version
 * bump also sends a client built before themes to reload (session.ts), so
 * no one edits a board whose themes they cannot see.
 */
export const themesTagsDuplicates: Migration = {
  to: 4,
  name: 'themes-tags-duplicates',
  up(doc) {
    // Values that are not object maps (a bad peer's write) are left as they are.
    for (const [, map] of objectEntries(doc)) {
      const type = map.get('type');
      if (type !== 'note' && type !== 'answer') continue;
      for (const [field, schema] of Object.entries(SynthesisFields)) dropIfInvalid(map, field, schema);
    }
  },
};

function dropIfInvalid(map: Y.Map<unknown>, field: string, schema: { safeParse(value: unknown): { success: boolean } }): void {
  if (map.has(field) && !schema.safeParse(map.get(field)).success) map.delete(field);
}
