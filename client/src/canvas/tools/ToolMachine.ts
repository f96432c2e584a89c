import type { Point } from '@clapboard/shared';
import type { BoardEditor, Tool } from '../../editor/BoardEditor.ts';
import type { Gesture } from './gesture.ts';

/**
 * What a tool may touch besides the editor: the gesture rendering shows, and
 * which objects are lifted into the interaction layer while they move.
 * CanvasController implements it; tests pass a plain object.
 */
export interface ToolCanvas {
  readonly gesture: Gesture;
  setGesture(gesture: Gesture): void;
  /**
   * Draws `drawn` (in stacking order) on the interaction layer and leaves
   * `hidden` out of the content layer, for a drag; empty sets put them back.
   */
  lift(hidden: ReadonlySet<string>, drawn: readonly string[]): void;
}

/** Everything a tool works with: it changes the board only through the editor's commands. */
export interface ToolContext {
  readonly editor: BoardEditor;
  readonly canvas: ToolCanvas;
}

/** A pointer event as tools see it: where it is, and whether it adds to the selection. */
export interface ToolPointer {
  /** Relative to the canvas element, in CSS pixels. */
  readonly screen: Point;
  /** The same point on the board, under the camera at the time of the event. */
  readonly board: Point;
  /** Shift, Ctrl or ⌘ held. */
  readonly additive: boolean;
}

/**
 * What a handler returns: the state to go to, `'idle'` for the idle state
 * of the tool the gesture started in, or nothing to stay.
 */
export type Next = ToolState | 'idle' | void;

/**
 * One state of a tool (idle, pressing, dragging…). A state that shows
 * something shows it in `enter` and takes it away in `exit`, so a gesture
 * that is abandoned half-way (cancel, a second finger) leaves nothing behind.
 */
export interface ToolState {
  /** For tests and debugging. */
  readonly name: string;
  enter?(): void;
  exit?(): void;
  pointerDown?(event: ToolPointer): Next;
  pointerMove?(event: ToolPointer): Next;
  pointerUp?(event: ToolPointer): Next;
  /** The gesture is abandoned: commit nothing. Without a handler the tool goes back to idle. */
  cancel?(): Next;
  doubleClick?(event: ToolPointer): Next;
  /** A key pressed while the canvas has focus: `true` if the tool used it and stays, a state (or `'idle'`) to go on to it. */
  keyDown?(event: KeyboardEvent): Next | boolean;
}

/** A tool as the toolbar knows it. */
export interface ToolDefinition {
  readonly id: Tool;
  /** Whether the tool changes the board: people who may only look get the select tool instead. */
  readonly writes: boolean;
  /** The state the tool waits in between gestures. */
  idle(context: ToolContext): ToolState;
}

/**
 * Runs one tool's states: every event goes to the current state, and what
 * its handler returns becomes the next one (leaving the old state first).
 */
export class ToolMachine {
  private home: ToolState;
  private current: ToolState;

  constructor(idle: ToolState) {
    this.home = this.current = idle;
    idle.enter?.();
  }

  get state(): ToolState {
    return this.current;
  }

  /** Between gestures: in the idle state of the tool that ran the last one. */
  get idle(): boolean {
    return this.current === this.home;
  }

  /** Switches to another tool's idle state (only between gestures: a gesture finishes with the tool that began it). */
  use(idle: ToolState): void {
    if (!this.idle || idle === this.home) return;
    this.transition(idle);
    this.home = idle;
  }

  pointerDown(event: ToolPointer): void {
    this.follow(this.current.pointerDown?.(event));
  }

  pointerMove(event: ToolPointer): void {
    this.follow(this.current.pointerMove?.(event));
  }

  pointerUp(event: ToolPointer): void {
    this.follow(this.current.pointerUp?.(event));
  }

  cancel(): void {
    this.follow(this.current.cancel ? this.current.cancel() : 'idle');
  }

  doubleClick(event: ToolPointer): void {
    this.follow(this.current.doubleClick?.(event));
  }

  /** Returns whether the tool used the key (the browser and the board's shortcuts then leave it alone). */
  keyDown(event: KeyboardEvent): boolean {
    const result = this.current.keyDown?.(event);
    if (result === undefined || result === false) return false;
    if (result !== true) this.follow(result);
    return true;
  }

  private follow(next: Next): void {
    if (next) this.transition(next === 'idle' ? this.home : next);
  }

  private transition(next: ToolState): void {
    if (next === this.current) return;
    this.current.exit?.();
    this.current = next;
    next.enter?.();
  }
}
