import { Group, Rect, Text } from 'react-konva';
import { NOTE_PALETTE, type NoteRecord } from '@clapboard/shared';
import { LINE_HEIGHT, NOTE_FONT_FAMILY, NOTE_PADDING, layoutNoteText } from '../fitText.ts';
import { THEME } from '../theme.ts';

/**
 * Text is laid out by layoutNoteText (font fitted, lines pre-wrapped) and
 * drawn with no width and Konva's wrapping off: Konva truncates a line it
 * measures a hair wider than a fixed width, and a lost letter is worse than
 * a letter touching the padding.
 */
export function NoteNode({ note, hideText }: { note: NoteRecord; hideText: boolean }) {
  const palette = NOTE_PALETTE[note.color];
  const layout = layoutNoteText(note.text, note.width, note.height);
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
          text={layout.text}
          fontSize={layout.fontSize}
          fontFamily={NOTE_FONT_FAMILY}
          lineHeight={LINE_HEIGHT}
          fill={palette.ink}
          wrap="none"
          perfectDrawEnabled={false}
          listening={false}
        />
      )}
    </Group>
  );
}
