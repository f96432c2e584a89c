import * as Y from 'yjs';
import { buildTemplate, type BuildTemplateResult, type Point, type Template, type TransactionOrigin } from '@clapboard/shared';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';

export const TEMPLATE_ORIGIN = Object.freeze({ kind: 'server', reason: 'template' } as const) satisfies TransactionOrigin;

/**
 * A new board's template (`POST /api/boards` with `template`), built into
 * its first documents before they are stored, centred on 0,0: the board
 * client fits its view to the content when it opens.
 */
export function buildIntoNewBoard(template: Template, board: { content: Y.Doc; control: Y.Doc }): void {
  board.content.transact(() => {
    board.control.transact(() => {
      buildTemplate(template, board, { at: { x: 0, y: 0 } });
    }, TEMPLATE_ORIGIN);
  }, TEMPLATE_ORIGIN);
}

/**
 * Adds a template to a live board from the server's own Yjs client, and
 * resolves once both documents' changes are stored and relayed.
 *
 * The two transactions are nested so that the build, which reads both
 * documents (what is on the board, the step list) and writes both, runs in
 * one synchronous step: nothing can change either document in between,
 * and neither change is relayed before the other has been made. A failure
 * to store either rejects, and the route answers 500.
 */
export function addTemplateToBoard(rooms: RoomRegistry, boardId: string, template: Template, at: Point): Promise<BuildTemplateResult> {
  return rooms.withRoom({ boardId, doc: 'content' }, (content) =>
    rooms.withRoom({ boardId, doc: 'control' }, async (control) => {
      // Asserted, not annotated: TypeScript would otherwise take the closure's assignment for dead code.
      let result = null as BuildTemplateResult | null;
      let contentStored: Promise<void> = Promise.resolve();
      const controlStored = control.transactDurably(() => {
        contentStored = content.transactDurably(() => {
          result = buildTemplate(template, { content: content.doc, control: control.doc }, { at });
        }, TEMPLATE_ORIGIN);
      }, TEMPLATE_ORIGIN);
      await Promise.all([contentStored, controlStored]);
      if (!result) throw new Error('the template was not built');
      return result;
    }),
  );
}
