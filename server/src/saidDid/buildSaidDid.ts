import * as Y from 'yjs';
import {
  SAID_DID_QUOTES_PER_THEME,
  actionsOfTheme,
  getObjectMap,
  getObjectText,
  quoteOf,
  readBoardTitle,
  readRevealedAnswer,
  readThemeActions,
  readThemes,
  type SaidDidResponse,
  type SaidDidTheme,
  type Theme,
} from '@clapboard/shared';

/**
 * The "You said, we did" page from a board's two documents, as they are
 * now: themes from the content document, actions and the title from the
 * control document. Built field by field from validated readers, so nothing
 * a reader does not know (an author, a Yjs client id, a receipt) can come
 * along; no stored update bytes are read. Deterministic: the same documents
 * give the same body.
 */
export function buildSaidDid(contentDoc: Y.Doc, controlDoc: Y.Doc): SaidDidResponse {
  const actions = readThemeActions(controlDoc);
  const themes: SaidDidTheme[] = readThemes(contentDoc).map((theme) => ({
    id: theme.id,
    name: theme.name,
    description: theme.description,
    memberCount: theme.noteIds.length,
    quotes: quotesOf(contentDoc, theme),
    actions: actionsOfTheme(actions, theme.id).map(({ kind, text, reason, status, owner, due, history }) => ({ kind, text, reason, status, owner, due, history })),
  }));
  return { version: 1, title: readBoardTitle(controlDoc), themes };
}

/**
 * The first few members' words, in the theme's member order (sorted ids:
 * random, so no member is singled out, and stable). A note's text, or a
 * revealed answer's words; a hidden answer (its text removed from every copy
 * of the board) and an empty note are passed over.
 */
function quotesOf(contentDoc: Y.Doc, theme: Theme): string[] {
  const quotes: string[] = [];
  for (const id of theme.noteIds) {
    if (quotes.length >= SAID_DID_QUOTES_PER_THEME) break;
    const quote = quoteOf(memberText(contentDoc, id));
    if (quote !== '') quotes.push(quote);
  }
  return quotes;
}

function memberText(contentDoc: Y.Doc, id: string): string {
  const map = getObjectMap(contentDoc, id);
  if (!map) return '';
  if (map.get('type') === 'answer') {
    const answerId = map.get('answerId');
    const answer = typeof answerId === 'string' ? readRevealedAnswer(contentDoc, answerId) : null;
    return answer && !answer.hidden ? answer.text : '';
  }
  return getObjectText(map)?.toString() ?? '';
}

/**
 * The themes an answer's card is in: a member that is the card itself, or
 * another card of the same answer (a copy someone pasted). Theme ids only.
 */
export function themesOfAnswer(contentDoc: Y.Doc, answerId: string): string[] {
  return readThemes(contentDoc)
    .filter((theme) => theme.noteIds.some((id) => id === answerId || isCardOf(getObjectMap(contentDoc, id), answerId)))
    .map((theme) => theme.id);
}

function isCardOf(map: Y.Map<unknown> | null, answerId: string): boolean {
  return map !== null && map.get('type') === 'answer' && map.get('answerId') === answerId;
}
