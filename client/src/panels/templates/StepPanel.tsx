import { useEffect } from 'react';
import type { Role } from '@clapboard/shared';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { useEditor } from '../../editor/EditorContext.ts';
import type { Presence } from '../../presence/Presence.ts';
import { StepFollower } from '../../presence/StepFollower.ts';
import { StepControls } from './StepControls.tsx';
import { StepPrompt } from './StepPrompt.tsx';

/**
 * The board's steps for this role: a facilitator's controls, or everyone
 * else's view of the current step. Every page, the facilitator's too,
 * moves to the current step's frame when the step changes.
 */
export function StepPanel({ connection, presence, role }: { connection: BoardConnection; presence: Presence; role: Role }) {
  const editor = useEditor();
  useEffect(() => {
    const follower = new StepFollower(connection.controlDoc, editor, presence, connection);
    return () => follower.destroy();
  }, [connection, editor, presence]);
  if (role === 'facilitator') return <StepControls connection={connection} />;
  return <StepPrompt controlDoc={connection.controlDoc} />;
}
