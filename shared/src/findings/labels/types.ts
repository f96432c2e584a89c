import type { ActionKind, ActionStatus } from '../../synthesis/actions.ts';
import type { Iap2Level } from '../../model/statement.ts';
import type { NoteColor } from '../../model/palette.ts';
import type { RoundState } from '../../rounds.ts';
import type { VoteAccess } from '../../votes.ts';

/** CLDR plural categories (what `Intl.PluralRules#select` answers). */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/**
 * A counted word in each plural form the language has; `#` stands for the
 * number (printed in Western digits, as in the JSON). `other` is required;
 * tests/findings/findingsLanguage.test.ts checks that every form
 * `Intl.PluralRules` uses for the language is given.
 */
export type PluralForms = { readonly other: string } & { readonly [C in Exclude<PluralCategory, 'other'>]?: string };

/** The statement's fields, in the order people read them before joining (the level is printed first, apart). */
export const STATEMENT_LABEL_FIELDS = ['purpose', 'canChange', 'cannotChange', 'inputUse', 'feedback', 'runBy', 'deleteOn'] as const;
export type StatementLabelField = (typeof STATEMENT_LABEL_FIELDS)[number];

/**
 * Every word the Markdown, DOCX and PNG exports print around people's own
 * words, in one language. People's words are never translated by these:
 * they are exported as written (and beside any translation an interpreter
 * added). Sentences with something inside them are functions, so each
 * language keeps its own word order; what they are given is already
 * escaped for the format and quoted where it is a quotation.
 */
export interface FindingsLabels {
  /** Tag given to `Intl.DateTimeFormat` for the days a report prints (its calendar and digits). */
  readonly dateLocale: string;
  /** `w:lang` of the Word document: a language and region Word's proofing tools know. */
  readonly docxLanguage: string;
  /** Which way the report reads; `rtl` lays the DOCX out in right-to-left paragraphs. */
  readonly direction: 'ltr' | 'rtl';
  /** After a label, before what it labels ("Purpose: …"). */
  readonly colon: string;
  /** Between the items of a list inside a sentence (a note's details, its tags, its themes). */
  readonly listSeparator: string;
  /** Between an action's details (status, owner, due day). */
  readonly detailSeparator: string;
  /** A quotation of someone's words inside a sentence. */
  readonly quote: (text: string) => string;
  readonly counts: {
    readonly note: PluralForms;
    readonly dot: PluralForms;
    readonly answer: PluralForms;
    readonly ballot: PluralForms;
  };

  readonly untitledBoard: string;
  /** Markdown, under the title. */
  readonly intro: string;
  /** DOCX, under the title; `day` is already formatted. */
  readonly generatedOn: (day: string) => string;
  /** The DOCX's description property. */
  readonly docxDescription: string;

  readonly about: { readonly heading: string; readonly level: string; readonly none: string };
  readonly levels: Readonly<Record<Iap2Level, string>>;
  readonly statement: Readonly<Record<StatementLabelField, string>>;

  readonly participation: {
    readonly heading: string;
    /** The Markdown table's column headings. */
    readonly what: string;
    readonly count: string;
    readonly notes: string;
    readonly anonymousNotes: string;
    readonly answers: string;
    readonly rounds: string;
    readonly votes: string;
    readonly themes: string;
    readonly actions: string;
    /** `prompt` quoted, `answers` counted. */
    readonly round: (prompt: string, answers: string) => string;
    /** `dots` counted (per person), `access` one of `access`, `ballots` counted or `stillOpen`. */
    readonly vote: (number: number, dots: string, access: string, ballots: string) => string;
    readonly access: Readonly<Record<VoteAccess, string>>;
    readonly stillOpen: string;
  };

  readonly themes: {
    readonly heading: string;
    readonly none: string;
    readonly untitled: string;
    /** `notes` and `dots` counted; `suggested` when the theme was accepted from the board's suggestions. */
    readonly summary: (notes: string, dots: string, suggested: boolean) => string;
    readonly quotes: string;
    readonly saidDid: string;
    readonly nothingYet: string;
    readonly notes: string;
  };

  readonly actions: {
    readonly kinds: Readonly<Record<ActionKind, string>>;
    readonly statuses: Readonly<Record<ActionStatus, string>>;
    readonly owner: (owner: string) => string;
    /** `day` already formatted. */
    readonly due: (day: string) => string;
    /** "We can't …, because …". */
    readonly because: (text: string, reason: string) => string;
  };

  readonly rounds: {
    readonly heading: string;
    readonly none: string;
    /** DOCX: the appendix of every round's answers. */
    readonly appendix: string;
    readonly appendixNone: string;
    readonly states: Readonly<Record<RoundState, string>>;
    /** `state` one of `states`, `answers` counted. */
    readonly summary: (state: string, answers: string) => string;
  };

  /** An answer or anonymous note a facilitator hid, in place of its words. */
  readonly hidden: (reason: string) => string;

  readonly unthemed: { readonly heading: string; readonly none: string };
  readonly frames: { readonly heading: string; readonly none: string; readonly untitled: string };

  /** A note's details after its words. */
  readonly notes: {
    /** `colour` one of `colours`. */
    readonly note: (colour: string) => string;
    readonly answer: string;
    readonly anonymousNote: string;
    /** `frame` quoted. */
    readonly inFrame: (frame: string) => string;
    readonly tags: (tags: string) => string;
    readonly duplicate: string;
    /** `themes`: quoted names joined with `listSeparator`. */
    readonly inThemes: (themes: string) => string;
    /** A note with no words. */
    readonly empty: string;
  };
  /** Colour names as they read inside `notes.note`. */
  readonly colours: Readonly<Record<NoteColor, string>>;
}
