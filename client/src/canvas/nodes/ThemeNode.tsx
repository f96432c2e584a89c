import { memo, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Rect, Text } from 'react-konva';
import { NOTE_PALETTE, THEME_HEADER, type Theme } from '@clapboard/shared';
import { useEditor } from '../../editor/EditorContext.ts';
import type { CanvasController } from '../CanvasController.ts';
import { NOTE_FONT_FAMILY } from '../fitText.ts';
import { startAlignedText } from '../sprites/textDirection.ts';

/**
 * A theme's area: a tinted, dashed rectangle with its name and member count
 * across the top, drawn behind every object (like a frame) so its notes sit
 * on it. It takes no events: a note dropped on it joins the theme (the
 * editor's moves decide that, from the area), and the theme itself is
 * renamed, described and merged from the synthesis panel.
 */
export const ThemeNode = memo(function ThemeNode({ theme, label }: { theme: Theme; label: string }) {
  const tint = NOTE_PALETTE[theme.color].fill;
  return (
    <Group x={theme.x} y={theme.y} listening={false}>
      <Rect
        width={theme.width}
        height={theme.height}
        fill={tint}
        opacity={0.28}
        cornerRadius={12}
        perfectDrawEnabled={false}
        listening={false}
      />
      <Rect
        width={theme.width}
        height={theme.height}
        stroke="#424242"
        strokeWidth={2}
        dash={[12, 8]}
        cornerRadius={12}
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
        listening={false}
      />
      <Text
        x={16}
        y={12}
        width={Math.max(1, theme.width - 32)}
        height={THEME_HEADER - 16}
        text={label}
        fontSize={24}
        fontStyle="bold"
        fontFamily={NOTE_FONT_FAMILY}
        fill="#1a1a1a"
        wrap="none"
        ellipsis
        {...startAlignedText(label)}
        perfectDrawEnabled={false}
        listening={false}
      />
    </Group>
  );
});

/** Every theme's area, for the content layer to draw first; redraws the canvas when themes change. */
export function ThemeAreas({ controller }: { controller: CanvasController }) {
  const { t } = useTranslation();
  const { themes } = useEditor();
  const list = useSyncExternalStore(themes.model.subscribe, themes.model.get);
  useEffect(() => controller.schedule(), [controller, list]);
  return (
    <>
      {list.map((theme) => (
        <ThemeNode
          key={theme.id}
          theme={theme}
          label={t('themes.canvasLabel', { name: theme.name || t('themes.untitled'), count: theme.noteIds.length })}
        />
      ))}
    </>
  );
}
