import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { actionsOfTheme, getActionsMap, readThemeActions, type ThemeAction } from '@clapboard/shared';

/**
 * One theme's actions from the control document, re-read when the actions
 * root changes (anyone's edit, local or remote). The snapshot is kept until
 * the next change, as useSyncExternalStore needs.
 */
export function useThemeActions(controlDoc: Y.Doc, themeId: string): readonly ThemeAction[] {
  const cache = useRef<{ doc: Y.Doc; themeId: string; actions: readonly ThemeAction[] } | null>(null);
  const subscribe = useCallback(
    (listener: () => void) => {
      const actions = getActionsMap(controlDoc);
      const handleChange = () => {
        cache.current = null;
        listener();
      };
      actions.observeDeep(handleChange);
      return () => actions.unobserveDeep(handleChange);
    },
    [controlDoc],
  );
  const snapshot = useCallback(() => {
    const cached = cache.current;
    if (cached && cached.doc === controlDoc && cached.themeId === themeId) return cached.actions;
    const actions = actionsOfTheme(readThemeActions(controlDoc), themeId);
    cache.current = { doc: controlDoc, themeId, actions };
    return actions;
  }, [controlDoc, themeId]);
  return useSyncExternalStore(subscribe, snapshot);
}
