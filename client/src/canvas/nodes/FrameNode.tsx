import { Group, Rect, Text } from 'react-konva';
import type { FrameRecord } from '@clapboard/shared';
import { NOTE_FONT_FAMILY } from '../fitText.ts';
import { startAlignedText } from '../sprites/textDirection.ts';
import { FRAME_HEADER, THEME } from '../theme.ts';

export function FrameNode({ frame, hideText }: { frame: FrameRecord; hideText: boolean }) {
  return (
    <Group x={frame.x} y={frame.y} listening={false}>
      <Rect
        width={frame.width}
        height={frame.height}
        fill={THEME.frameFill}
        stroke={THEME.frameStroke}
        strokeWidth={2}
        cornerRadius={6}
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
        listening={false}
      />
      <Rect width={frame.width} height={FRAME_HEADER} fill={THEME.frameHeader} cornerRadius={[6, 6, 0, 0]} perfectDrawEnabled={false} listening={false} />
      {!hideText && (
        <Text
          x={14}
          y={10}
          width={Math.max(1, frame.width - 28)}
          height={FRAME_HEADER - 12}
          text={frame.text}
          fontSize={22}
          fontStyle="bold"
          fontFamily={NOTE_FONT_FAMILY}
          fill="#1a1a1a"
          wrap="none"
          ellipsis
          {...startAlignedText(frame.text)}
          perfectDrawEnabled={false}
          listening={false}
        />
      )}
    </Group>
  );
}
