// Keys written whole so tests/i18n can check every string a page shows (see README.md).

import type { Timer } from '@clapboard/shared';

export const CONNECTION_STATUS_KEY = {
  connecting: 'connection.connecting',
  live: 'connection.live',
  reconnecting: 'connection.reconnecting',
  offline: 'connection.offline',
  ended: 'connection.ended',
} as const;

export const CONNECTION_ENDED_KEY = {
  revoked: 'connectionEnded.revoked',
  deleted: 'connectionEnded.deleted',
  boardFull: 'connectionEnded.boardFull',
  invalidContent: 'connectionEnded.invalidContent',
} as const;

export const BOARD_ERROR_KEY = {
  unauthorized: 'board.error.unauthorized',
  'not-found': 'board.error.not-found',
  network: 'board.error.network',
  invalid: 'board.error.invalid',
  'no-token': 'board.error.no-token',
  'bad-link': 'board.error.bad-link',
} as const;

export const NOTICE_KEY = {
  pasteRejected: 'notice.pasteRejected',
  duplicateRejected: 'notice.duplicateRejected',
  locked: 'notice.locked',
  deleteOwnOnly: 'notice.deleteOwnOnly',
} as const;

export const TIMER_STATE_KEY = {
  running: 'timer.running',
  paused: 'timer.paused',
  stopped: 'timer.stopped',
} as const satisfies Record<Timer['state'], string>;

export const NOTE_LIST_HEADING_KEY = {
  all: 'noteList.heading.all',
  mine: 'noteList.heading.mine',
} as const;

export const NOTE_LIST_KIND_KEY = {
  note: 'noteList.kind.note',
  yours: 'noteList.kind.yours',
  anonymousNote: 'noteList.kind.anonymousNote',
  answer: 'noteList.kind.answer',
} as const;

export const SHORTCUT_KEY = {
  note: 'shortcuts.item.note',
  select: 'shortcuts.item.select',
  hand: 'shortcuts.item.hand',
  space: 'shortcuts.item.space',
  tab: 'shortcuts.item.tab',
  enter: 'shortcuts.item.enter',
  arrows: 'shortcuts.item.arrows',
  delete: 'shortcuts.item.delete',
  escape: 'shortcuts.item.escape',
  selectAll: 'shortcuts.item.selectAll',
  undo: 'shortcuts.item.undo',
  redo: 'shortcuts.item.redo',
  duplicate: 'shortcuts.item.duplicate',
  copyPaste: 'shortcuts.item.copyPaste',
  fit: 'shortcuts.item.fit',
  fitSelection: 'shortcuts.item.fitSelection',
  zoom: 'shortcuts.item.zoom',
  zoomReset: 'shortcuts.item.zoomReset',
  help: 'shortcuts.item.help',
  makeTheme: 'shortcuts.item.makeTheme',
} as const;
