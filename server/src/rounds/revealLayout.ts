import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import {
  NOTE_COLORS,
  NOTE_SIZE,
  getAnswersMap,
  getObjectMap,
  insertObject,
  maxZ,
  readAllObjects,
  type NoteColor,
} from '@clapboard/shared';
import type { StoredAnswer } from './RoundStore.ts';

/** Space between cards, and around them inside the frame. */
const GAP = 24;
/** Room for the frame's title above the cards (the client draws a 44-unit header). */
const FRAME_HEADER = 56;
/** Distance from the rightmost object on the board to the new frame. */
const MARGIN = 200;

/**
 * Fisher–Yates with the platform CSPRNG: every order equally likely, and not
 * predictable from earlier reveals. Math.random would do for fairness but
 * its state can be recovered from outputs.
 */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let index = out.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [out[index], out[other]] = [out[other]!, out[index]!];
  }
  return out;
}

/** The frame a round's answers are laid out in: one per round, so a retried reveal finds it. */
export function roundFrameId(roundId: string): string {
  return `round-${roundId}`;
}

/** Cards of one round share a colour, picked from the round id so every reveal of it agrees. */
function roundColor(roundId: string): NoteColor {
  let sum = 0;
  for (const char of roundId) sum = (sum + char.charCodeAt(0)) % NOTE_COLORS.length;
  return NOTE_COLORS[sum]!;
}

/**
 * Writes a round's answers onto the content document, in the order given
 * (the caller shuffles): a frame titled with the prompt, to the right of
 * everything on the board, and one `answer` card per answer in a grid
 * inside it, each with its words under `answers.<answerId>`. Call inside
 * the server's own transaction: the items are then stamped with the
 * server's Yjs client id, and their clocks follow the shuffled order, not
 * the order the answers came in.
 *
 * Idempotent: answers already on the board (a reveal retried after a crash
 * between writing the board and marking the round revealed) are skipped,
 * and the frame is reused.
 */
export function writeReveal(doc: Y.Doc, round: { roundId: string; prompt: string }, answers: readonly StoredAnswer[]): string {
  const frameId = roundFrameId(round.roundId);
  const words = getAnswersMap(doc);
  const pending = answers.filter((answer) => !words.has(answer.answerId));
  const columns = Math.max(1, Math.ceil(Math.sqrt(answers.length)));
  const rows = Math.max(1, Math.ceil(answers.length / columns));
  let z = maxZ(doc) + 1;
  let frame = getObjectMap(doc, frameId);
  if (!frame) {
    const positioned = readAllObjects(doc).filter((object) => object.type !== 'connector');
    const x = positioned.length === 0 ? 0 : Math.max(...positioned.map((object) => ('x' in object ? object.x + object.width : 0))) + MARGIN;
    const y = positioned.length === 0 ? 0 : Math.min(...positioned.map((object) => ('y' in object ? object.y : 0)));
    insertObject(doc, {
      id: frameId,
      type: 'frame',
      x,
      y,
      width: GAP + columns * (NOTE_SIZE + GAP),
      height: FRAME_HEADER + GAP + rows * (NOTE_SIZE + GAP),
      z: z++,
      frameId: null,
      text: round.prompt,
    });
    frame = getObjectMap(doc, frameId)!;
  }
  const originX = frame.get('x') as number;
  const originY = frame.get('y') as number;
  const color = roundColor(round.roundId);
  answers.forEach((answer, index) => {
    if (!pending.includes(answer)) return;
    const column = index % columns;
    const row = Math.floor(index / columns);
    insertObject(doc, {
      id: answer.answerId,
      type: 'answer',
      x: originX + GAP + column * (NOTE_SIZE + GAP),
      y: originY + FRAME_HEADER + GAP + row * (NOTE_SIZE + GAP),
      width: NOTE_SIZE,
      height: NOTE_SIZE,
      z: z++,
      frameId,
      color,
      answerId: answer.answerId,
    });
    const entry = new Y.Map<unknown>();
    entry.set('text', answer.text ?? '');
    if (answer.lang) entry.set('lang', answer.lang);
    entry.set('roundId', round.roundId);
    words.set(answer.answerId, entry);
  });
  return frameId;
}
