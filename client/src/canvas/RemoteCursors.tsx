import { useSyncExternalStore } from 'react';
import { boardToScreen } from '@clapboard/shared';
import { useEditor, useObservable } from '../editor/EditorContext.ts';
import type { Peer, Presence } from '../presence/Presence.ts';

/**
 * Other people's cursors as HTML over the canvas: crisp labels at any zoom,
 * readable by tests and assistive tech, and no canvas redraw when they move.
 */
export function RemoteCursors({ presence }: { presence: Presence }) {
  const peers = useObservable(presence.peers);
  const editor = useEditor();
  // The server strips cursors from what non-facilitators receive while they
  // are hidden; a cursor received just before stays until its owner moves,
  // so the page hides them on the setting itself, at once.
  const hidden = useObservable(editor.controls.model.hideCursors) && editor.role !== 'facilitator';
  const shown = hidden ? [] : peers.filter((peer) => !peer.isSelf && peer.cursor);
  // Alone on the board, nothing here needs to follow the camera on every pan frame.
  return <div className="cursor-overlay" aria-hidden="true">{shown.length > 0 && <Cursors peers={shown} />}</div>;
}

function Cursors({ peers }: { peers: readonly Peer[] }) {
  const editor = useEditor();
  const view = useSyncExternalStore(
    (listener) => editor.viewport.subscribe(listener),
    () => editor.viewport.current,
  );
  return (
    <>
      {peers.map((peer) => {
        if (!peer.cursor) return null;
        const at = boardToScreen(view, peer.cursor);
        if (at.x < -50 || at.y < -50 || at.x > editor.viewport.width + 50 || at.y > editor.viewport.height + 50) return null;
        return (
          <div
            key={peer.clientId}
            className="remote-cursor"
            data-testid="remote-cursor"
            data-client-id={peer.clientId}
            style={{ transform: `translate(${at.x}px, ${at.y}px)`, color: peer.color }}
          >
            <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
              <path d="M1 1 L1 15 L5 11 L8 17 L10 16 L7 10 L13 10 Z" fill="currentColor" stroke="#fff" strokeWidth="1.2" />
            </svg>
            <span className="remote-cursor-name" style={{ backgroundColor: peer.color }}>
              {peer.name}
            </span>
          </div>
        );
      })}
    </>
  );
}
