import { screenToBoard, type Point } from '@clapboard/shared';
import { IDLE } from './gesture.ts';
import { pinchView, type PinchStart } from './pinch.ts';
import type { ToolRegistry } from './registry.ts';
import { ToolMachine, type ToolContext, type ToolDefinition, type ToolPointer, type ToolState } from './ToolMachine.ts';

/** A pointer event as the dispatcher needs it, taken from the DOM event by usePointerDispatcher. */
export interface DispatchedPointer {
  readonly pointerId: number;
  readonly touch: boolean;
  /** 0 main, 1 middle, 2 right (the DOM's numbering). */
  readonly button: number;
  /** Relative to the canvas element, in CSS pixels. */
  readonly screen: Point;
  readonly additive: boolean;
}

/**
 * Owns the pointer for the tools: one pointer at a time owns a gesture
 * (other pointers cannot move or end it), two fingers pinch whatever the
 * tool, and everything else goes to the tool chosen when the gesture began.
 * Which tools exist is the registry's business, not this class's.
 */
export class PointerDispatcher {
  private readonly machine: ToolMachine;
  private readonly idles = new Map<ToolDefinition, ToolState>();
  /** Fingers on the screen (touch pointers only, at most the two a pinch uses), by pointer id. */
  private readonly touches = new Map<number, Point>();
  /** The pointers whose press started the gesture in progress: one, or the two fingers of a pinch. */
  private owners: readonly number[] = [];
  private pinch: PinchStart | null = null;

  constructor(
    private readonly context: ToolContext,
    private readonly tools: ToolRegistry,
    /** Space held: any tool pans while it is. */
    private readonly panHeld: () => boolean,
  ) {
    this.machine = new ToolMachine(this.idleOf(tools.select));
  }

  /** The state of the tool running now (for tests and debugging). */
  get state(): ToolState {
    return this.machine.state;
  }

  /** A press. Returns whether this pointer now takes part in a gesture (and should be captured). */
  down(pointer: DispatchedPointer): boolean {
    const { editor } = this.context;
    if (editor.editing.get()) editor.editing.set(null);
    if (pointer.touch) {
      // A third finger is ignored (and not tracked: it is not captured, so its lift may never reach us).
      if (this.touches.size >= 2) return false;
      // A finger landing during a mouse gesture leaves that gesture alone.
      if (this.busy() && this.touches.size === 0) return false;
      this.touches.set(pointer.pointerId, pointer.screen);
      // A second finger turns whatever the first one started into a pinch.
      if (this.touches.size === 2) {
        this.startPinch();
        return true;
      }
    } else if (this.busy()) {
      // A second mouse or pen press while a gesture is under way: ignore it.
      return false;
    }
    this.owners = [pointer.pointerId];
    this.machine.use(this.idleOf(this.toolFor(pointer)));
    this.machine.pointerDown(this.toolPointer(pointer));
    return true;
  }

  /** A move. Returns the board point under the pointer, or null if this pointer may not act now. */
  move(pointer: DispatchedPointer): Point | null {
    if (pointer.touch && this.touches.has(pointer.pointerId)) this.touches.set(pointer.pointerId, pointer.screen);
    if (!this.owns(pointer.pointerId)) return null;
    if (this.pinch) {
      const a = this.touches.get(this.owners[0]!);
      const b = this.touches.get(this.owners[1]!);
      if (a && b) this.context.editor.viewport.set(pinchView(this.pinch, a, b));
      return null;
    }
    const event = this.toolPointer(pointer);
    this.machine.pointerMove(event);
    return event.board;
  }

  up(pointer: DispatchedPointer): void {
    this.touches.delete(pointer.pointerId);
    if (!this.owns(pointer.pointerId)) return;
    this.owners = [];
    if (this.pinch) this.endPinch();
    else this.machine.pointerUp(this.toolPointer(pointer));
  }

  /** The browser took the pointer away (a system gesture, a palm, a call): drop what it was doing, commit nothing. */
  cancel(pointer: Pick<DispatchedPointer, 'pointerId'>): void {
    this.touches.delete(pointer.pointerId);
    if (this.owns(pointer.pointerId)) this.abandon();
  }

  doubleClick(screen: Point): void {
    this.machine.doubleClick(this.toolPointer({ screen, additive: false }));
  }

  /** A key pressed on the canvas; returns whether the tool used it. */
  keyDown(event: KeyboardEvent): boolean {
    return this.machine.keyDown(event);
  }

  private toolFor(pointer: DispatchedPointer): ToolDefinition {
    const { editor } = this.context;
    const pan = pointer.button === 1 || pointer.button === 2 || this.panHeld();
    const tool = this.tools[pan ? 'hand' : editor.tool.get()];
    return tool.writes && !editor.canEdit ? this.tools.select : tool;
  }

  /** Each tool's idle state is made once, so the machine can tell between gestures from during one. */
  private idleOf(tool: ToolDefinition): ToolState {
    let idle = this.idles.get(tool);
    if (!idle) this.idles.set(tool, (idle = tool.idle(this.context)));
    return idle;
  }

  private toolPointer({ screen, additive }: Pick<DispatchedPointer, 'screen' | 'additive'>): ToolPointer {
    return { screen, board: screenToBoard(this.context.editor.viewport.current, screen), additive };
  }

  private startPinch(): void {
    const [[first, a], [second, b]] = [...this.touches.entries()] as [[number, Point], [number, Point]];
    this.abandon();
    this.owners = [first, second];
    this.pinch = { a, b, view: this.context.editor.viewport.current };
    this.context.canvas.setGesture({ kind: 'pinch', start: this.pinch, pointers: [first, second] });
  }

  private endPinch(): void {
    this.pinch = null;
    this.context.canvas.setGesture(IDLE);
  }

  /** Drops the gesture in progress without committing it (a drag puts its objects back). */
  private abandon(): void {
    this.owners = [];
    if (this.pinch) this.endPinch();
    else this.machine.cancel();
  }

  /** Another pointer's gesture is under way (an owner between gestures is stale: its release never came). */
  private busy(): boolean {
    return this.owners.length > 0 && (this.pinch !== null || !this.machine.idle);
  }

  /** Whether this pointer may move or end the gesture in progress. */
  private owns(pointerId: number): boolean {
    return this.owners.length === 0 || this.owners.includes(pointerId);
  }
}
