import { Ellipse, Group, Rect, Text } from 'react-konva';
import { INK_PALETTE, type ShapeRecord } from '@clapboard/shared';
import { NOTE_FONT_FAMILY, NOTE_PADDING } from '../fitText.ts';
import { textDirection } from '../sprites/textDirection.ts';

export function ShapeNode({ shape, hideText }: { shape: ShapeRecord; hideText: boolean }) {
  const common = {
    stroke: INK_PALETTE[shape.stroke],
    strokeWidth: 2,
    fill: shape.fill ? INK_PALETTE[shape.fill] : undefined,
    perfectDrawEnabled: false,
    shadowForStrokeEnabled: false,
    listening: false,
  };
  return (
    <Group x={shape.x} y={shape.y} listening={false}>
      {shape.shape === 'ellipse' ? (
        <Ellipse x={shape.width / 2} y={shape.height / 2} radiusX={shape.width / 2} radiusY={shape.height / 2} {...common} />
      ) : (
        <Rect width={shape.width} height={shape.height} {...common} />
      )}
      {!hideText && shape.text && (
        <Text
          x={NOTE_PADDING}
          y={NOTE_PADDING}
          width={Math.max(1, shape.width - NOTE_PADDING * 2)}
          height={Math.max(1, shape.height - NOTE_PADDING * 2)}
          text={shape.text}
          fontSize={20}
          fontFamily={NOTE_FONT_FAMILY}
          align="center"
          verticalAlign="middle"
          fill={shape.fill === 'black' ? '#ffffff' : INK_PALETTE.black}
          wrap="word"
          ellipsis
          direction={textDirection(shape.text)}
          perfectDrawEnabled={false}
          listening={false}
        />
      )}
    </Group>
  );
}
