import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../editor/EditorContext.ts';
import { SHORTCUT_KEY } from '../../i18n/keys/panelKeys.ts';

/**
 * The keys canvas/useKeyboardShortcuts.ts handles, in the order a newcomer
 * needs them. Keep the two in step: this list is what people learn the board
 * from. `edit` rows do nothing for someone who cannot edit, so they are not shown.
 */
const SHORTCUTS: { keys: readonly (readonly string[])[]; action: keyof typeof SHORTCUT_KEY; edit?: boolean }[] = [
  { keys: [['N']], action: 'note', edit: true },
  { keys: [['V']], action: 'select' },
  { keys: [['H']], action: 'hand' },
  { keys: [['Space']], action: 'space' },
  { keys: [['Tab'], ['Shift', 'Tab']], action: 'tab' },
  { keys: [['Enter']], action: 'enter' },
  { keys: [['←', '↑', '→', '↓']], action: 'arrows', edit: true },
  { keys: [['Delete'], ['Backspace']], action: 'delete', edit: true },
  { keys: [['Esc']], action: 'escape' },
  { keys: [['Ctrl', 'A']], action: 'selectAll' },
  { keys: [['Ctrl', 'Z']], action: 'undo', edit: true },
  { keys: [['Ctrl', 'Shift', 'Z'], ['Ctrl', 'Y']], action: 'redo', edit: true },
  { keys: [['Ctrl', 'D']], action: 'duplicate', edit: true },
  { keys: [['Ctrl', 'C'], ['Ctrl', 'V']], action: 'copyPaste', edit: true },
  { keys: [['Ctrl', 'G']], action: 'makeTheme', edit: true },
  { keys: [['Shift', '1']], action: 'fit' },
  { keys: [['Shift', '2']], action: 'fitSelection' },
  { keys: [['+'], ['-']], action: 'zoom' },
  { keys: [['0']], action: 'zoomReset' },
  { keys: [['?']], action: 'help' },
];

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * A visible "? Shortcuts" button and the "?" key open the list of keyboard
 * shortcuts in a modal dialog. The native <dialog> moves focus in, makes the
 * page behind inert and closes on Escape; focus goes back to where it was.
 */
export function ShortcutHelp() {
  const { t } = useTranslation();
  const editor = useEditor();
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  const show = () => {
    const element = dialog.current;
    if (!element || element.open) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
  };

  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target) || event.defaultPrevented) return;
      event.preventDefault();
      show();
    };
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, []);

  const handleClose = () => {
    returnTo.current?.focus();
    returnTo.current = null;
  };

  const rows = SHORTCUTS.filter((row) => editor.canEdit || !row.edit);
  return (
    <>
      <button type="button" className="shortcuts-button" data-testid="shortcuts-button" title={t('shortcuts.openHint')} aria-keyshortcuts="Shift+?" onClick={show}>
        <span aria-hidden="true" className="shortcuts-key">?</span>
        {t('shortcuts.open')}
      </button>
      <dialog
        ref={dialog}
        className="shortcuts-dialog"
        data-testid="shortcuts-dialog"
        aria-labelledby="shortcuts-title"
        onClose={handleClose}
        // Keys typed in the dialog are for the dialog: the board's shortcuts must not act behind it.
        onKeyDown={(event) => event.stopPropagation()}
      >
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <p className="shortcuts-intro">{t('shortcuts.intro')}</p>
        <table className="shortcuts-table">
          <thead>
            <tr>
              <th scope="col">{t('shortcuts.keysHeading')}</th>
              <th scope="col">{t('shortcuts.actionHeading')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.action} data-testid={`shortcut-${row.action}`}>
                <td>
                  {row.keys.map((combo, i) => (
                    <span key={i} className="shortcut-combo">
                      {i > 0 && ' / '}
                      {combo.map((key, j) => (
                        <span key={key}>
                          {j > 0 && (combo.length === 4 ? ' ' : '+')}
                          <kbd>{key}</kbd>
                        </span>
                      ))}
                    </span>
                  ))}
                </td>
                <td>{t(SHORTCUT_KEY[row.action])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog">
          <button type="submit" data-testid="shortcuts-close">
            {t('shortcuts.close')}
          </button>
        </form>
      </dialog>
    </>
  );
}
