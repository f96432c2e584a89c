import type { RectLookup } from '../geometry/connector.ts';
import type { BoardObject, NoteRecord } from '../model/records/index.ts';
import type { RenderContext } from './context.ts';
import type { NoteTextLayouter } from './noteText.ts';
import { paintNote } from './paintNote.ts';
import { paintConnector, paintFrame, paintShape, paintText, paintTheme, type DrawnTheme } from './paintObjects.ts';

/** Everything a board is drawn from: plain records, read out of the documents by the caller. */
export interface BoardScene {
  /** Valid objects in stacking order (readAllObjects). */
  objects: readonly BoardObject[];
  /** Themes' areas, drawn below everything else. */
  themes: readonly DrawnTheme[];
  /** Current rectangle of an object by id, for connector ends. */
  rectOf: RectLookup;
  /** The words an answer card shows (from the server-written `answers` root, or a hidden answer's reason). */
  answerText: (answerId: string) => string;
}

/**
 * An answer card is drawn as a note with the words from the `answers` root,
 * never from the card: the card has none (see records/answer.ts).
 */
export function answerAsNote(answer: Extract<BoardObject, { type: 'answer' }>, text: string): NoteRecord {
  const { answerId: _answerId, ...card } = answer;
  return { ...card, type: 'note', text };
}

/** One object at full detail, in board coordinates. */
export function paintObject(ctx: RenderContext, object: BoardObject, scene: BoardScene, layouter: NoteTextLayouter): void {
  if (object.type === 'connector') {
    paintConnector(ctx, object, scene.rectOf);
    return;
  }
  ctx.save();
  ctx.translate(object.x, object.y);
  switch (object.type) {
    case 'note':
      paintNote(ctx, object, false, layouter);
      break;
    case 'answer':
      paintNote(ctx, answerAsNote(object, scene.answerText(object.answerId)), false, layouter);
      break;
    case 'frame':
      paintFrame(ctx, object, false, layouter);
      break;
    case 'shape':
      paintShape(ctx, object, false, layouter);
      break;
    case 'text':
      paintText(ctx, object, false, layouter);
      break;
  }
  ctx.restore();
}

/**
 * The whole scene at full detail, in board coordinates (the caller sets the
 * transform), as the board's content layer draws it: frames, then themes'
 * areas (a theme of notes inside a frame lies on it), then every other
 * object, each group in stacking order.
 */
export function paintBoard(ctx: RenderContext, scene: BoardScene, layouter: NoteTextLayouter): void {
  for (const _ of paintBoardInSteps(ctx, scene, layouter));
}

/**
 * paintBoard one object at a time: it yields after each, so a caller that
 * must not hold its thread for long (the server, drawing ten thousand notes
 * for an export) can pause between objects. The context must not be used by
 * anything else until the steps run out.
 */
export function* paintBoardInSteps(ctx: RenderContext, scene: BoardScene, layouter: NoteTextLayouter): Generator<void, void, void> {
  for (const object of scene.objects) {
    if (object.type !== 'frame') continue;
    paintObject(ctx, object, scene, layouter);
    yield;
  }
  for (const theme of scene.themes) {
    ctx.save();
    ctx.translate(theme.x, theme.y);
    paintTheme(ctx, theme, layouter);
    ctx.restore();
  }
  for (const object of scene.objects) {
    if (object.type === 'frame') continue;
    paintObject(ctx, object, scene, layouter);
    yield;
  }
}
