import type * as Y from 'yjs';
import type { Point, Rect } from '../geometry/rect.ts';
import { unionRects } from '../geometry/rect.ts';
import { randomId } from '../ids.ts';
import { insertObject, maxZ, readAllObjects } from '../model/boardDoc.ts';
import { getSettingsMap } from '../model/controlDoc.ts';
import { readCurrentStep, STEP_SETTING } from '../model/steps.ts';
import { INSTRUCTIONS_FONT_SIZE, layoutFrameContent } from './frameLayout.ts';
import type { Template } from './schema.ts';
import { MAX_BOARD_STEPS, readBoardSteps, writeBoardSteps, type BoardStep } from './stepList.ts';
import { placeTemplate } from './templatePlacement.ts';

/** The two documents of one board. */
export interface BoardDocuments {
  content: Y.Doc;
  control: Y.Doc;
}

export interface BuildTemplateOptions {
  /** Where the template's middle should go: the middle of the facilitator's view, or 0,0 for a new board. */
  at: Point;
  /** Ids for the new objects; random by default. Tests pass a counter to compare builds. */
  newId?: () => string;
}

export type BuildTemplateResult =
  | {
      ok: true;
      /** The new frames' ids, in the template's order. */
      frameIds: string[];
      /** Where the template landed on the board. */
      bounds: Rect;
      /** Steps added to the board's list. */
      stepCount: number;
    }
  /** The board's step list would pass MAX_BOARD_STEPS; nothing was written. */
  | { ok: false; reason: 'too-many-steps' };

/**
 * Builds a (validated) template into a board: the one way a template
 * becomes board content, for a new board and for an existing one alike.
 *
 * - Each frame goes at its relative place, the whole template centred on
 *   `at` or, if that would cover anything already there, the nearest free
 *   spot (./templatePlacement.ts); frames are drawn above what was there.
 * - Instructions become a text block under the title and starter notes a
 *   grid below it (./frameLayout.ts), each a member of its frame.
 * - The template's steps are appended to the board's step list in the
 *   control document, frame keys turned into the new frames' ids; if the
 *   board is on a step, its count is brought up to date.
 *
 * Objects go through `insertObject`, so every one parses as a BoardObject.
 * Writes without a transaction of its own: call it inside transactions on
 * both documents with the writer's origin (the server's, for every caller
 * today), so the whole template arrives as one change per document. Reads
 * and writes nothing else: no clock, no network.
 */
export function buildTemplate(template: Template, board: BoardDocuments, options: BuildTemplateOptions): BuildTemplateResult {
  const existingSteps = readBoardSteps(board.control);
  if (existingSteps.length + template.steps.length > MAX_BOARD_STEPS) return { ok: false, reason: 'too-many-steps' };
  const newId = options.newId ?? (() => randomId());

  const own = unionRects(template.frames)!;
  const origin = placeTemplate(own, options.at, readAllObjects(board.content));
  const dx = origin.x - own.x;
  const dy = origin.y - own.y;
  // Frames above everything that was there, and their members above all the frames.
  const frameZ = maxZ(board.content) + 1;
  let memberZ = frameZ + template.frames.length;

  const frameIds = new Map<string, string>();
  for (const [index, frame] of template.frames.entries()) {
    const x = frame.x + dx;
    const y = frame.y + dy;
    const frameId = insertObject(board.content, { id: newId(), type: 'frame', x, y, width: frame.width, height: frame.height, z: frameZ + index, frameId: null, text: frame.title });
    frameIds.set(frame.key, frameId);
    const layout = layoutFrameContent({ width: frame.width, instructions: frame.instructions, noteCount: frame.notes.length });
    if (layout.instructions && frame.instructions) {
      const box = layout.instructions;
      insertObject(board.content, {
        id: newId(),
        type: 'text',
        x: x + box.x,
        y: y + box.y,
        width: box.width,
        height: box.height,
        z: memberZ++,
        frameId,
        color: 'black',
        fontSize: INSTRUCTIONS_FONT_SIZE,
        text: frame.instructions,
      });
    }
    frame.notes.forEach((note, i) => {
      const box = layout.notes[i]!;
      insertObject(board.content, { id: newId(), type: 'note', x: x + box.x, y: y + box.y, width: box.width, height: box.height, z: memberZ++, frameId, color: note.color, text: note.text });
    });
  }

  const added: BoardStep[] = template.steps.map((step) => {
    const frameId = step.frame === undefined ? undefined : frameIds.get(step.frame);
    return {
      title: step.title,
      ...(step.prompt !== undefined ? { prompt: step.prompt } : {}),
      ...(frameId !== undefined ? { frameId } : {}),
      ...(step.opens !== undefined ? { opens: step.opens } : {}),
    };
  });
  if (added.length > 0) {
    const steps = [...existingSteps, ...added];
    writeBoardSteps(board.control, steps);
    const current = readCurrentStep(board.control);
    if (current) getSettingsMap(board.control).set(STEP_SETTING, { ...current, count: steps.length });
  }

  return {
    ok: true,
    frameIds: [...frameIds.values()],
    bounds: { x: own.x + dx, y: own.y + dy, width: own.width, height: own.height },
    stepCount: added.length,
  };
}
