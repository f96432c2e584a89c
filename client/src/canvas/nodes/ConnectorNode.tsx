import { useSyncExternalStore } from 'react';
import { Arrow } from 'react-konva';
import { INK_PALETTE, resolveConnector, type ConnectorRecord } from '@clapboard/shared';
import { useEditor } from '../../editor/EditorContext.ts';

/**
 * The line is derived from the ends each render, never stored, so it stays
 * attached whoever moves the ends. The store notifies a connector whenever
 * an object it is attached to changes; the points string keeps renders to
 * real geometry changes.
 */
export function ConnectorNode({ connector }: { connector: ConnectorRecord }) {
  const { store } = useEditor();
  const points = useSyncExternalStore(
    (listener) => store.subscribeObject(connector.id, listener),
    () => {
      const line = resolveConnector(connector, store.rectOf);
      return line ? `${line.from.x},${line.from.y},${line.to.x},${line.to.y}` : '';
    },
  );
  if (!points) return null;
  return (
    <Arrow
      points={points.split(',').map(Number)}
      stroke={INK_PALETTE[connector.stroke]}
      fill={INK_PALETTE[connector.stroke]}
      strokeWidth={2.5}
      pointerLength={connector.arrow ? 12 : 0}
      pointerWidth={connector.arrow ? 12 : 0}
      perfectDrawEnabled={false}
      shadowForStrokeEnabled={false}
      listening={false}
    />
  );
}
