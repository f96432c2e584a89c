import type Konva from 'konva';
import { useCallback, useSyncExternalStore } from 'react';
import { Shape } from 'react-konva';
import { resolveConnector, type ConnectorRecord } from '@clapboard/shared';
import { paintConnectorLine } from '@clapboard/shared/render';
import { useEditor } from '../../editor/EditorContext.ts';

/**
 * The line is derived from the ends each render, never stored, so it stays
 * attached whoever moves the ends. The store notifies a connector whenever
 * an object it is attached to changes; the points string keeps renders to
 * real geometry changes. Painted by the shared drawing code (shared/src/render).
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
  const sceneFunc = useCallback(
    (context: Konva.Context) => {
      const [fromX, fromY, toX, toY] = points.split(',').map(Number) as [number, number, number, number];
      paintConnectorLine(context._context, { from: { x: fromX, y: fromY }, to: { x: toX, y: toY } }, connector);
    },
    [points, connector],
  );
  if (!points) return null;
  return <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />;
}
