/**
 * A test page with several board canvases of one board side by side, each
 * with its own pixel ratio and zoom — as the findings export will have (the
 * board on screen and an offscreen render of it). Not part of the app: the
 * browser test tests/e2e/canvas-two-canvases.test.ts builds this file on its
 * own and loads it into an empty page, then drives it through
 * `window.__canvases`.
 */
import { createRoot, type Root } from 'react-dom/client';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, NOTE_SIZE, insertObject } from '@clapboard/shared';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { CanvasController } from '../canvas/CanvasController.ts';
import { BoardEditor } from '../editor/BoardEditor.ts';
import { EditorContext } from '../editor/EditorContext.ts';
import { initI18n } from '../i18n/index.ts';
import { Presence } from '../presence/Presence.ts';

export interface CanvasSpec {
  pixelRatio: number;
  view: { x: number; y: number; zoom: number };
  width: number;
  height: number;
}

interface Mounted {
  editor: BoardEditor;
  controller: CanvasController;
  root: Root;
}

const CSS = '.board-canvas { position: absolute; inset: 0; overflow: hidden; } .visually-hidden { display: none; }';

/** Seeds `count` notes in rows of `columns`, 40 board units apart. */
function seed(doc: Y.Doc, count: number, columns: number): void {
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const x = (i % columns) * (NOTE_SIZE + 40);
      const y = Math.floor(i / columns) * (NOTE_SIZE + 40);
      insertObject(doc, { id: `n${i}`, type: 'note', x, y, width: NOTE_SIZE, height: NOTE_SIZE, z: i + 1, frameId: null, color: 'yellow', text: `Note ${i}` });
    }
  }, LOCAL_USER_ORIGIN);
}

function mount(specs: CanvasSpec[], notes: { count: number; columns: number }): void {
  initI18n();
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);
  const doc = new Y.Doc();
  seed(doc, notes.count, notes.columns);
  const mounted: Mounted[] = specs.map((spec) => {
    const host = document.createElement('div');
    host.style.cssText = `position: relative; width: ${spec.width}px; height: ${spec.height}px;`;
    document.body.append(host);
    const editor = new BoardEditor(doc, 'participant');
    editor.viewport.set(spec.view, 'user');
    const controller = new CanvasController(editor, { pixelRatio: spec.pixelRatio });
    const presence = new Presence(new Awareness(doc), editor, 'participant', 'Test', '#1565c0');
    const root = createRoot(host);
    root.render(
      <EditorContext.Provider value={editor}>
        <BoardCanvas controller={controller} presence={presence} />
      </EditorContext.Provider>,
    );
    return { editor, controller, root };
  });
  window.__canvases = {
    mounted,
    setView: (i, view) => mounted[i]!.editor.viewport.set(view, 'user'),
    unmount: (i) => mounted[i]!.root.unmount(),
  };
}

declare global {
  interface Window {
    __mountCanvases?: typeof mount;
    __canvases?: {
      mounted: Mounted[];
      setView(i: number, view: CanvasSpec['view']): void;
      unmount(i: number): void;
    };
  }
}

window.__mountCanvases = mount;
