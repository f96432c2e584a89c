// Keys written whole so tests/i18n can check every string a page shows (see README.md).

import type { BoardObjectType, NoteColor, ShapeRecord } from '@clapboard/shared';

/** The object types a person writes in (a connector and an answer have no editor of their own). */
type WrittenType = Exclude<BoardObjectType, 'connector' | 'answer'>;

export const COLOR_NAME_KEY = {
  yellow: 'color.yellow',
  orange: 'color.orange',
  red: 'color.red',
  pink: 'color.pink',
  violet: 'color.violet',
  blue: 'color.blue',
  teal: 'color.teal',
  green: 'color.green',
  gray: 'color.gray',
} as const satisfies Record<NoteColor, string>;

export const OBJECT_TYPE_KEY = {
  note: 'objectType.note',
  text: 'objectType.text',
  shape: 'objectType.shape',
  frame: 'objectType.frame',
} as const satisfies Record<WrittenType, string>;

export const SHAPE_DESCRIPTION_KEY = {
  rectangle: 'describe.rectangle',
  ellipse: 'describe.ellipse',
} as const satisfies Record<ShapeRecord['shape'], string>;

/** Plural bases: i18next adds `_one`, `_other`… from `count`. */
export const DELETED_KIND_KEY = {
  note: 'undoToast.deleted.note',
  text: 'undoToast.deleted.text',
  shape: 'undoToast.deleted.shape',
  answer: 'undoToast.deleted.answer',
  connector: 'undoToast.deleted.connector',
  frame: 'undoToast.deleted.frame',
  object: 'undoToast.deleted.object',
} as const satisfies Record<BoardObjectType | 'object', string>;

export const WRITING_HEADING_KEY = {
  note: 'writing.heading.note',
  text: 'writing.heading.text',
  shape: 'writing.heading.shape',
  frame: 'writing.heading.frame',
} as const satisfies Record<WrittenType, string>;

export const TOOL_KEYS = {
  select: { label: 'tool.select.label', hint: 'tool.select.hint' },
  hand: { label: 'tool.hand.label', hint: 'tool.hand.hint' },
  note: { label: 'tool.note.label', hint: 'tool.note.hint' },
  text: { label: 'tool.text.label', hint: 'tool.text.hint' },
  rectangle: { label: 'tool.rectangle.label', hint: 'tool.rectangle.hint' },
  ellipse: { label: 'tool.ellipse.label', hint: 'tool.ellipse.hint' },
  connector: { label: 'tool.connector.label', hint: 'tool.connector.hint' },
  frame: { label: 'tool.frame.label', hint: 'tool.frame.hint' },
} as const;
