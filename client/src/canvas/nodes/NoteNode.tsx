import { Group, Rect, Text } from 'react-konva';
import { NOTE_PALETTE, type NoteRecord } from '@clapboard/shared';
import { LINE_HEIGHT, NOTE_FONT_FAMILY, NOTE_PADDING, fitFontSize } from '../fitText.ts';
import { THEME } from '../theme.ts';

export function NoteNode({ note, hideText }: { note: NoteRecord; hideText: boolean }) {
  const palette = NOTE_PALETTE[note.color];
  const fontSize = fitFontSize(note.text, note.width, note.height);
  return (
    <Group x={note.x} y={note.y} listening={false}>
      <Rect
        width={note.width}
        height={note.height}
        fill={palette.fill}
        stroke={THEME.noteEdge}
        strokeWidth={1}
        cornerRadius={3}
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
        listening={false}
      />
      {!hideText && note.text && (
        <Text
          x={NOTE_PADDING}
          y={NOTE_PADDING}
          width={note.width - NOTE_PADDING * 2}
          height={note.height - NOTE_PADDING * 2}
          text={note.text}
          fontSize={fontSize}
          fontFamily={NOTE_FONT_FAMILY}
          lineHeight={LINE_HEIGHT}
          fill={palette.ink}
          wrap="word"
          ellipsis
          perfectDrawEnabled={false}
          listening={false}
        />
      )}
    </Group>
  );
}
