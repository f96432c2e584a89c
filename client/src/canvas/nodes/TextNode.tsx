import { Text } from 'react-konva';
import { INK_PALETTE, type TextRecord } from '@clapboard/shared';
import { LINE_HEIGHT, NOTE_FONT_FAMILY } from '../fitText.ts';
import { startAlignedText } from '../sprites/textDirection.ts';

export function TextNode({ object, hideText }: { object: TextRecord; hideText: boolean }) {
  if (hideText) return null;
  return (
    <Text
      x={object.x}
      y={object.y}
      width={object.width}
      height={object.height}
      text={object.text}
      fontSize={object.fontSize}
      fontFamily={NOTE_FONT_FAMILY}
      lineHeight={LINE_HEIGHT}
      fill={INK_PALETTE[object.color]}
      wrap="word"
      // Canvas text has no dir="auto": Arabic or Hebrew text starts from the right edge.
      {...startAlignedText(object.text)}
      perfectDrawEnabled={false}
      listening={false}
    />
  );
}
