import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { boardToScreen } from '@clapboard/shared';
import { useEditor, useStoreRevision } from '../editor/EditorContext.ts';
import { closedCounts, Votes } from '../model/Votes.ts';

/**
 * The dots of closed votes, drawn as badges on the notes they went to: HTML
 * over the canvas, like the remote cursors, so they stay crisp at any zoom.
 * Hidden from assistive tech; the same counts are listed, in words, in the
 * side panel's vote results.
 */
export function VoteBadges({ controlDoc }: { controlDoc: Y.Doc }) {
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());
  useEffect(() => {
    const votes = new Votes(controlDoc);
    const update = () => setCounts(closedCounts(votes.all.get()));
    update();
    const off = votes.all.subscribe(update);
    return () => {
      off();
      votes.destroy();
    };
  }, [controlDoc]);
  return <div className="cursor-overlay" aria-hidden="true">{counts.size > 0 && <Badges counts={counts} />}</div>;
}

function Badges({ counts }: { counts: ReadonlyMap<string, number> }) {
  const editor = useEditor();
  useStoreRevision();
  const view = useSyncExternalStore(
    (listener) => editor.viewport.subscribe(listener),
    () => editor.viewport.current,
  );
  return (
    <>
      {[...counts].map(([id, count]) => {
        const bounds = editor.store.boundsOf(id);
        if (!bounds) return null;
        // Not culled: a vote has at most MAX_VOTE_TARGETS targets, and the overlay clips what is off screen.
        const at = boardToScreen(view, { x: bounds.maxX, y: bounds.minY });
        return (
          <div key={id} className="vote-badge" data-testid="vote-badge" data-target={id} style={{ transform: `translate(${at.x - 16}px, ${at.y - 16}px)` }}>
            {count}
          </div>
        );
      })}
    </>
  );
}
