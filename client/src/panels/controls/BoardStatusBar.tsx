import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { ConnectionEndedNotice } from './ConnectionEndedNotice.tsx';
import { LockNotice } from './LockNotice.tsx';
import { TimerCountdown } from './TimerCountdown.tsx';

/** Under the header, on every page of the board: the timer, what is locked, and a connection that ended for good. */
export function BoardStatusBar({ connection }: { connection: BoardConnection }) {
  return (
    <div className="board-status">
      <ConnectionEndedNotice ended={connection.ended} />
      <TimerCountdown clock={connection.clock} />
      <LockNotice />
    </div>
  );
}
