/**
 * The tools as state machines, driven with plain pointer events over a real
 * editor and Y.Doc, no browser: which state each event leads to, what the
 * canvas is told to show, and which editor command a gesture ends in.
 * (The browser tests in tests/e2e/canvas-*.test.ts drive the same tools
 * with real mouse and touch input.)
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, NOTE_SIZE, insertObject, type Role } from '@clapboard/shared';
import { BoardEditor } from '../../client/src/editor/BoardEditor.ts';
import { IDLE, type Gesture } from '../../client/src/canvas/tools/gesture.ts';
import { PointerDispatcher, type DispatchedPointer } from '../../client/src/canvas/tools/PointerDispatcher.ts';
import { TOOLS } from '../../client/src/canvas/tools/registry.ts';
import { selectTool } from '../../client/src/canvas/tools/selectTool.ts';
import { ToolMachine, type ToolCanvas, type ToolContext, type ToolDefinition, type ToolPointer } from '../../client/src/canvas/tools/ToolMachine.ts';
import { useAnimationFrames } from './support/frames.ts';

useAnimationFrames();

/** What the canvas was told to show, as CanvasController would draw it. */
class RecordingCanvas implements ToolCanvas {
  gesture: Gesture = IDLE;
  hidden: ReadonlySet<string> = new Set();
  drawn: readonly string[] = [];
  setGesture(gesture: Gesture): void {
    this.gesture = gesture;
  }
  lift(hidden: ReadonlySet<string>, drawn: readonly string[]): void {
    this.hidden = hidden;
    this.drawn = drawn;
  }
}

/**
 * Three notes in a row — a at 0,0, b at 300,0, c at 600,0 — with the camera
 * at the origin and zoom 1, so screen and board points coincide until a pan.
 */
function board(role: Role = 'participant') {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const [id, x] of [['a', 0], ['b', 300], ['c', 600]] as const) {
      insertObject(doc, { id, type: 'note', x, y: 0, width: NOTE_SIZE, height: NOTE_SIZE, z: 1, frameId: null, color: 'yellow', text: id });
    }
  }, LOCAL_USER_ORIGIN);
  const editor = new BoardEditor(doc, role);
  editor.store.flush();
  editor.viewport.setSize(1000, 800);
  editor.viewport.set({ x: 0, y: 0, zoom: 1 });
  const canvas = new RecordingCanvas();
  const context: ToolContext = { editor, canvas };
  const at = (x: number, y: number, additive = false): ToolPointer => {
    const view = editor.viewport.current;
    return { screen: { x, y }, board: { x: view.x + x / view.zoom, y: view.y + y / view.zoom }, additive };
  };
  const position = (id: string) => {
    const object = editor.store.get(id);
    return object && 'x' in object ? { x: object.x, y: object.y } : null;
  };
  return { doc, editor, canvas, context, at, position };
}

/** The select tool alone, in its own machine. */
function selecting(role?: Role) {
  const setup = board(role);
  const machine = new ToolMachine(selectTool.idle(setup.context));
  /** Press at `from`, move to `to` in `steps`, and (unless `hold`) release there. */
  const drag = (from: [number, number], to: [number, number], options: { additive?: boolean; steps?: number; hold?: boolean } = {}) => {
    const { additive = false, steps = 4, hold = false } = options;
    machine.pointerDown(setup.at(...from, additive));
    for (let i = 1; i <= steps; i++) {
      machine.pointerMove(setup.at(from[0] + ((to[0] - from[0]) * i) / steps, from[1] + ((to[1] - from[1]) * i) / steps, additive));
    }
    if (!hold) machine.pointerUp(setup.at(...to, additive));
  };
  const click = (x: number, y: number, additive = false) => {
    machine.pointerDown(setup.at(x, y, additive));
    machine.pointerUp(setup.at(x, y, additive));
  };
  return { ...setup, machine, drag, click };
}

describe('select tool', () => {
  it('a click on a note selects it, a click on empty board clears the selection', () => {
    const { editor, machine, at, click } = selecting();
    machine.pointerDown(at(100, 100));
    expect(machine.state.name).toBe('pressing');
    expect(editor.selection.current).toEqual(['a']);
    machine.pointerUp(at(100, 100));
    expect(machine.state.name).toBe('idle');

    click(400, 100);
    expect(editor.selection.current).toEqual(['b']);
    click(250, 500);
    expect(editor.selection.current).toEqual([]);
  });

  it('a shift-click adds a note and a second one takes it out again, without dragging it', () => {
    const { editor, machine, click, drag, position, at } = selecting();
    click(100, 100);
    click(400, 100, true);
    click(700, 100, true);
    expect(editor.selection.current).toEqual(['a', 'b', 'c']);
    click(700, 100, true);
    expect(editor.selection.current).toEqual(['a', 'b']);

    // Shift-press on a selected note takes it out; travelling then draws a marquee, it does not drag the note.
    drag([400, 100], [400, 160], { additive: true, hold: true });
    expect(machine.state.name).toBe('marquee');
    machine.pointerUp(at(400, 160, true));
    expect(position('b')).toEqual({ x: 300, y: 0 });
  });

  it('a shift-drag from empty board draws a marquee that adds what it touches', () => {
    const { editor, canvas, machine, click, drag, at } = selecting();
    click(100, 100);
    drag([250, 250], [450, 150], { additive: true, hold: true });
    expect(machine.state.name).toBe('marquee');
    expect(canvas.gesture).toMatchObject({ kind: 'marquee', start: { x: 250, y: 250 }, current: { x: 450, y: 150 } });
    expect(editor.selection.current).toEqual(['a', 'b']);
    machine.pointerUp(at(450, 150, true));
    expect(machine.state.name).toBe('idle');
    expect(canvas.gesture).toEqual(IDLE);
    expect(editor.selection.current).toEqual(['a', 'b']);
  });

  it('a plain drag from empty board pans and leaves the selection alone', () => {
    const { editor, machine, click, drag, at } = selecting();
    click(100, 100);
    drag([250, 250], [150, 300], { hold: true });
    expect(machine.state.name).toBe('panning');
    machine.pointerUp(at(150, 300));
    expect(editor.viewport.current).toEqual({ x: 100, y: -50, zoom: 1 });
    expect(editor.selection.current).toEqual(['a']);
  });

  it('a drag on a note moves it with the pointer, once, as one undo step', () => {
    const { editor, canvas, machine, drag, position, at } = selecting();
    const steps = editor.undoManager.undoStack.length;
    drag([100, 100], [140, 130], { hold: true });
    expect(machine.state.name).toBe('dragging');
    // While dragging only the canvas shows the move: the note is lifted, the document untouched.
    expect([...canvas.hidden]).toEqual(['a']);
    expect(canvas.drawn).toEqual(['a']);
    expect(canvas.gesture).toMatchObject({ kind: 'drag', dx: 40, dy: 30 });
    expect(position('a')).toEqual({ x: 0, y: 0 });

    machine.pointerUp(at(140, 130));
    expect(machine.state.name).toBe('idle');
    expect(position('a')).toEqual({ x: 40, y: 30 });
    expect(canvas.hidden.size).toBe(0);
    expect(canvas.drawn).toEqual([]);
    expect(canvas.gesture).toEqual(IDLE);
    expect(editor.undoManager.undoStack.length).toBe(steps + 1);
    editor.undo();
    expect(position('a')).toEqual({ x: 0, y: 0 });
  });

  it('a cancelled drag commits nothing and puts the note back', () => {
    const { editor, canvas, machine, drag, position, at } = selecting();
    const steps = editor.undoManager.undoStack.length;
    drag([100, 100], [180, 160], { hold: true });
    expect(machine.state.name).toBe('dragging');
    machine.cancel();
    expect(machine.state.name).toBe('idle');
    expect(canvas.gesture).toEqual(IDLE);
    expect(canvas.hidden.size).toBe(0);
    expect(canvas.drawn).toEqual([]);
    expect(position('a')).toEqual({ x: 0, y: 0 });
    expect(editor.undoManager.undoStack.length).toBe(steps);
  });

  it('a press on a corner handle of the selection resizes it', () => {
    const { editor, machine, click, drag, at } = selecting();
    click(100, 100);
    drag([200, 200], [300, 260], { hold: true });
    expect(machine.state.name).toBe('resizing');
    machine.pointerUp(at(300, 260));
    expect(editor.store.get('a')).toMatchObject({ x: 0, y: 0, width: 300, height: 260 });
  });

  it('for someone who may only look, a click selects and a drag on a note pans', () => {
    const { editor, machine, click, drag, position, at } = selecting('observer');
    click(100, 100);
    expect(editor.selection.current).toEqual(['a']);
    drag([100, 100], [60, 80], { hold: true });
    expect(machine.state.name).toBe('panning');
    machine.pointerUp(at(60, 80));
    expect(position('a')).toEqual({ x: 0, y: 0 });
    expect(editor.viewport.current.x).toBe(40);
  });
});

describe('pointer dispatcher', () => {
  const mouse = (x: number, y: number, extra: Partial<DispatchedPointer> = {}): DispatchedPointer => ({
    pointerId: 1, touch: false, button: 0, screen: { x, y }, additive: false, ...extra,
  });
  const finger = (pointerId: number, x: number, y: number): DispatchedPointer => ({ pointerId, touch: true, button: 0, screen: { x, y }, additive: false });

  function dispatching(role?: Role, tools: ToolDefinition[] = []) {
    const setup = board(role);
    const registry = { ...TOOLS, ...Object.fromEntries(tools.map((tool) => [tool.id, tool])) };
    let space = false;
    const dispatcher = new PointerDispatcher(setup.context, registry, () => space);
    return { ...setup, dispatcher, holdSpace: (held: boolean) => void (space = held) };
  }

  it('only the pointer that pressed moves or ends its gesture', () => {
    const { dispatcher, position } = dispatching();
    expect(dispatcher.down(mouse(100, 100))).toBe(true);
    dispatcher.move(mouse(120, 100));
    expect(dispatcher.state.name).toBe('dragging');
    // A pen pressing meanwhile is ignored, and cannot end the drag.
    const pen = { pointerId: 2 };
    expect(dispatcher.down(mouse(700, 100, pen))).toBe(false);
    expect(dispatcher.move(mouse(700, 300, pen))).toBeNull();
    dispatcher.up(mouse(700, 300, pen));
    expect(dispatcher.state.name).toBe('dragging');
    dispatcher.move(mouse(150, 110));
    dispatcher.up(mouse(150, 110));
    expect(position('a')).toEqual({ x: 50, y: 10 });
    expect(position('c')).toEqual({ x: 600, y: 0 });
  });

  it('a second finger turns a drag into a pinch: the camera zooms, the note stays', () => {
    const { editor, canvas, dispatcher, position } = dispatching();
    dispatcher.down(finger(1, 100, 100));
    dispatcher.move(finger(1, 120, 100));
    expect(dispatcher.state.name).toBe('dragging');
    expect(dispatcher.down(finger(2, 220, 100))).toBe(true);
    expect(canvas.gesture.kind).toBe('pinch');
    expect(canvas.hidden.size).toBe(0);
    dispatcher.move(finger(1, 70, 100));
    dispatcher.move(finger(2, 270, 100));
    expect(editor.viewport.current.zoom).toBeCloseTo(2);
    dispatcher.up(finger(1, 70, 100));
    dispatcher.up(finger(2, 270, 100));
    expect(canvas.gesture).toEqual(IDLE);
    expect(position('a')).toEqual({ x: 0, y: 0 });
  });

  it('the middle button and a held Space pan whatever the tool', () => {
    const { editor, dispatcher, holdSpace, position } = dispatching();
    editor.tool.set('note');
    dispatcher.down(mouse(100, 100, { button: 1 }));
    expect(dispatcher.state.name).toBe('panning');
    dispatcher.up(mouse(100, 100, { button: 1 }));
    holdSpace(true);
    dispatcher.down(mouse(100, 100));
    dispatcher.move(mouse(80, 100));
    dispatcher.up(mouse(80, 100));
    expect(editor.viewport.current.x).toBe(20);
    expect(editor.store.size).toBe(3);
    expect(position('a')).toEqual({ x: 0, y: 0 });
  });

  it('a placing tool puts one object where pressed and hands back to select', () => {
    const { editor, dispatcher } = dispatching();
    editor.tool.set('note');
    dispatcher.down(mouse(500, 600));
    dispatcher.up(mouse(500, 600));
    expect(editor.store.size).toBe(4);
    expect(editor.tool.get()).toBe('select');
    expect(editor.store.get(editor.selection.current[0]!)?.type).toBe('note');
  });

  it('the connector tool joins the note pressed on to the note released on', () => {
    const { editor, dispatcher } = dispatching();
    editor.tool.set('connector');
    dispatcher.down(mouse(100, 100));
    expect(dispatcher.state.name).toBe('connecting');
    dispatcher.move(mouse(400, 100));
    dispatcher.up(mouse(400, 100));
    expect(editor.store.get(editor.selection.current[0]!)).toMatchObject({ type: 'connector', from: { objectId: 'a' }, to: { objectId: 'b' } });
    expect(editor.tool.get()).toBe('select');
  });

  it('someone who may only look gets the select tool instead of one that writes', () => {
    const { editor, dispatcher } = dispatching('observer');
    editor.tool.set('note');
    dispatcher.down(mouse(500, 600));
    dispatcher.up(mouse(500, 600));
    expect(editor.store.size).toBe(3);
  });

  it('routes pointer and keys to whatever tool is registered, without knowing it', () => {
    const seen: string[] = [];
    // Stands in for the next tools (vote dots, a theme lasso): a file and a registry line.
    const stamp: ToolDefinition = {
      id: 'note',
      writes: true,
      idle: () => ({
        name: 'idle',
        pointerDown: ({ board }) => {
          seen.push(`down ${board.x},${board.y}`);
          return {
            name: 'stamping',
            exit: () => void seen.push('exit'),
            pointerUp: () => (seen.push('up'), 'idle'),
            // Any key is used; Escape also ends the gesture.
            keyDown: (event) => (seen.push(`key ${event.key}`), event.key === 'Escape' ? 'idle' : true),
          };
        },
      }),
    };
    const key = (name: string) => ({ key: name }) as KeyboardEvent;
    const { editor, dispatcher } = dispatching('participant', [stamp]);
    editor.tool.set('note');
    dispatcher.down(mouse(10, 20));
    dispatcher.up(mouse(10, 20));
    dispatcher.down(mouse(30, 40));
    expect(dispatcher.keyDown(key('x'))).toBe(true);
    expect(dispatcher.state.name).toBe('stamping');
    expect(dispatcher.keyDown(key('Escape'))).toBe(true);
    expect(dispatcher.state.name).toBe('idle');
    dispatcher.up(mouse(30, 40));
    // Idle, the tool has no keys: the board's shortcuts get them.
    expect(dispatcher.keyDown(key('Escape'))).toBe(false);
    expect(seen).toEqual(['down 10,20', 'up', 'exit', 'down 30,40', 'key x', 'key Escape', 'exit']);
  });
});
