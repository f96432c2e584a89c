import { useTranslation } from 'react-i18next';
import { NOTE_COLORS, NOTE_PALETTE, type NoteColor } from '@clapboard/shared';
import type { Tool } from '../editor/BoardEditor.ts';
import { useEditor, useObservable } from '../editor/EditorContext.ts';
import { useSyncExternalStore } from 'react';
import { MakeThemeButton } from './synthesis/MakeThemeButton.tsx';
import { COLOR_NAME_KEY, TOOL_KEYS } from '../i18n/keys/objectKeys.ts';

const TOOLS: { tool: Tool; key: string; icon: string }[] = [
  { tool: 'select', key: 'V', icon: '↖' },
  { tool: 'hand', key: 'H', icon: '✥' },
  { tool: 'note', key: 'N', icon: '▢' },
  { tool: 'text', key: '', icon: 'T' },
  { tool: 'rectangle', key: '', icon: '□' },
  { tool: 'ellipse', key: '', icon: '◯' },
  { tool: 'connector', key: '', icon: '↗' },
  { tool: 'frame', key: '', icon: '▭' },
];

/** Tools and the commands that act on the selection. Not rendered for observers. */
export function Toolbar() {
  const { t } = useTranslation();
  const editor = useEditor();
  const active = useObservable(editor.tool);
  const selection = useSyncExternalStore(editor.selection.subscribe, editor.selection.getSnapshot);
  const hasSelection = selection.length > 0;
  const selectedNotes = selection.filter((id) => editor.store.get(id)?.type === 'note');

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} data-testid="toolbar">
      <div className="tool-group" role="group" aria-label={t('toolbar.tools')}>
        {TOOLS.map(({ tool, icon }) => (
          <button
            key={tool}
            type="button"
            data-testid={`tool-${tool}`}
            aria-pressed={active === tool}
            title={t(TOOL_KEYS[tool].hint)}
            onClick={() => editor.tool.set(tool)}
          >
            <span aria-hidden="true" className="tool-icon">{icon}</span>
            <span className="tool-label">{t(TOOL_KEYS[tool].label)}</span>
          </button>
        ))}
      </div>
      <div className="tool-group" role="group" aria-label={t('toolbar.history')}>
        <button type="button" data-testid="undo" onClick={() => editor.undo()} title={t('toolbar.undoHint')}>
          {t('toolbar.undo')}
        </button>
        <button type="button" data-testid="redo" onClick={() => editor.redo()} title={t('toolbar.redoHint')}>
          {t('toolbar.redo')}
        </button>
      </div>
      <div className="tool-group" role="group" aria-label={t('toolbar.arrange')}>
        <button type="button" data-testid="duplicate" disabled={!hasSelection} onClick={() => editor.duplicate()}>
          {t('toolbar.duplicate')}
        </button>
        <button type="button" data-testid="bring-front" disabled={!hasSelection} onClick={() => editor.bringToFront()}>
          {t('toolbar.bringToFront')}
        </button>
        <button type="button" data-testid="send-back" disabled={!hasSelection} onClick={() => editor.sendToBack()}>
          {t('toolbar.sendToBack')}
        </button>
        <button type="button" data-testid="delete" disabled={!hasSelection} onClick={() => editor.deleteSelection()}>
          {t('toolbar.delete')}
        </button>
        <MakeThemeButton />
      </div>
      {selectedNotes.length > 0 && (
        <div className="tool-group colors" role="group" aria-label={t('toolbar.noteColor')}>
          {NOTE_COLORS.map((color: NoteColor) => (
            <button
              key={color}
              type="button"
              className="color-swatch"
              data-testid={`color-${color}`}
              style={{ backgroundColor: NOTE_PALETTE[color].fill }}
              aria-label={t(COLOR_NAME_KEY[color])}
              title={t(COLOR_NAME_KEY[color])}
              onClick={() => editor.setNoteColor(color)}
            />
          ))}
        </div>
      )}
    </div>
  );
}
