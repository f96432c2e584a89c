import { DEFAULT_FINDINGS_LANGUAGE, STATEMENT_LABEL_FIELDS, findingsLocale, type FindingsLanguage, type FindingsLocale } from './labels/index.ts';
import type { Findings, FindingsAction, FindingsNote, FindingsTranslation } from './schema.ts';

/**
 * Backslash-escapes what Markdown would read as markup or HTML, so a note
 * is shown as typed (a `<script>` stays text, `*urgent*` keeps its stars)
 * wherever the report is rendered. Line breaks stay, indented by `indent`
 * so they remain inside the list item or quote they belong to.
 */
export function escapeMarkdown(text: string, indent = ''): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`)
    .split('\n')
    .map((line, index) => (index === 0 ? line : `${indent}${line}`))
    .join('\n');
}

export interface MarkdownOptions {
  /** The language of the headings and labels (people's words are as written); English when absent. */
  lang?: FindingsLanguage;
}

/** A translation as the report prints it beneath its original: `*(ar) …*`. */
function translationText(translation: FindingsTranslation, indent: string): string {
  return `*(${escapeMarkdown(translation.lang)}) ${escapeMarkdown(translation.text, indent)}*`;
}

/**
 * The Markdown report, readable as plain text and rendered: title, the
 * engagement statement, participation counts, each theme with its
 * description, quotes, votes and "you said, we did" actions, the rounds
 * with every answer, the notes in no theme, and the frames. Headings and
 * labels are in `lang`; people's words as they wrote them, each followed
 * by its translations. Deterministic: no date of its own in it (the same
 * board and language give the same bytes).
 */
export function findingsToMarkdown(findings: Findings, options: MarkdownOptions = {}): string {
  const locale = findingsLocale(options.lang ?? DEFAULT_FINDINGS_LANGUAGE);
  const { labels: L, count } = locale;
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  const notes = new Map(findings.notes.map((note) => [note.id, note]));
  const frames = new Map(findings.frames.map((frame) => [frame.id, frame.title]));
  const themes = new Map(findings.themes.map((theme) => [theme.id, theme.name]));
  const quoted = (text: string) => L.quote(escapeMarkdown(text));
  const label = (text: string) => `**${text}${L.colon}**`;

  line(`# ${escapeMarkdown(findings.board.title || L.untitledBoard)}`);
  line();
  line(L.intro);
  line();

  line(`## ${L.about.heading}`);
  line();
  if (findings.statement) {
    const statement = findings.statement;
    line(`- ${label(L.about.level)} ${L.levels[statement.level]}`);
    for (const field of STATEMENT_LABEL_FIELDS) {
      const value = field === 'deleteOn' ? locale.day(statement.deleteOn) : statement[field];
      line(`- ${label(L.statement[field])} ${escapeMarkdown(value, '  ')}`);
    }
  } else {
    line(L.about.none);
  }
  line();

  const p = findings.participation;
  line(`## ${L.participation.heading}`);
  line();
  line(`| ${L.participation.what} | ${L.participation.count} |`);
  line('| --- | ---: |');
  line(`| ${L.participation.notes} | ${p.notes} |`);
  line(`| ${L.participation.anonymousNotes} | ${p.anonymousNotes} |`);
  line(`| ${L.participation.answers} | ${p.answers} |`);
  line(`| ${L.participation.rounds} | ${p.rounds.length} |`);
  line(`| ${L.participation.votes} | ${p.votes.length} |`);
  line(`| ${L.participation.themes} | ${p.themes} |`);
  line(`| ${L.participation.actions} | ${p.actions} |`);
  line();
  const rounds = new Map(findings.rounds.map((round) => [round.id, round]));
  for (const { roundId, answers } of p.rounds) line(`- ${L.participation.round(quoted(rounds.get(roundId)?.prompt ?? roundId), count('answer', answers))}`);
  findings.votes.forEach((vote, index) => {
    const ballots = vote.ballots === null ? L.participation.stillOpen : count('ballot', vote.ballots);
    line(`- ${L.participation.vote(index + 1, count('dot', vote.perPerson), L.participation.access[vote.access], ballots)}`);
  });
  if (p.rounds.length + findings.votes.length > 0) line();

  line(`## ${L.themes.heading}`);
  line();
  if (findings.themes.length === 0) {
    line(L.themes.none);
    line();
  }
  for (const theme of findings.themes) {
    line(`### ${escapeMarkdown(theme.name || L.themes.untitled)}`);
    line();
    if (theme.description) {
      line(escapeMarkdown(theme.description));
      line();
    }
    line(L.themes.summary(count('note', theme.noteIds.length), count('dot', theme.votes), theme.origin === 'suggested'));
    line();
    if (theme.quotes.length > 0) {
      line(`**${L.themes.quotes}**`);
      line();
      for (const quote of theme.quotes) {
        line(`> ${escapeMarkdown(quote.text, '> ')}`);
        for (const translation of notes.get(quote.noteId)?.translations ?? []) {
          line('>');
          line(`> ${translationText(translation, '> ')}`);
        }
        line();
      }
    }
    line(`**${L.themes.saidDid}**`);
    line();
    const actions = theme.actionIds.flatMap((id) => findings.actions.find((action) => action.id === id) ?? []);
    if (actions.length === 0) line(`- ${L.themes.nothingYet}`);
    for (const action of actions) line(actionLine(action, locale));
    line();
    line(`**${L.themes.notes}**`);
    line();
    for (const id of theme.noteIds) {
      const note = notes.get(id);
      if (note) line(noteLine(note, frames, themes, locale));
    }
    line();
  }

  line(`## ${L.rounds.heading}`);
  line();
  if (findings.rounds.length === 0) {
    line(L.rounds.none);
    line();
  }
  for (const round of findings.rounds) {
    line(`### ${escapeMarkdown(round.prompt)}`);
    line();
    line(L.rounds.summary(L.rounds.states[round.state], count('answer', round.count)));
    line();
    for (const translation of round.translations) line(`- *${escapeMarkdown(translation.lang)}:* ${escapeMarkdown(translation.prompt, '  ')}`);
    for (const translation of round.promptTranslations) line(`- ${translationText(translation, '  ')}`);
    if (round.translations.length + round.promptTranslations.length > 0) line();
    for (const answer of round.answers) {
      const lang = answer.lang ? ` (${escapeMarkdown(answer.lang)})` : '';
      line(answer.hiddenReason !== null ? `- *${L.hidden(escapeMarkdown(answer.hiddenReason, '  '))}*` : `- ${escapeMarkdown(answer.text, '  ')}${lang}${translationLines(answer.translations)}`);
    }
    if (round.answers.length > 0) line();
  }

  line(`## ${L.unthemed.heading}`);
  line();
  if (findings.unthemedNoteIds.length === 0) line(L.unthemed.none);
  for (const id of findings.unthemedNoteIds) {
    const note = notes.get(id);
    if (note) line(noteLine(note, frames, themes, locale));
  }
  line();

  line(`## ${L.frames.heading}`);
  line();
  if (findings.frames.length === 0) line(L.frames.none);
  findings.frames.forEach((frame, index) => line(`${index + 1}. ${escapeMarkdown(frame.title || L.frames.untitled, '   ')}`));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** Translations as list items nested under the item of their original. */
function translationLines(translations: readonly FindingsTranslation[]): string {
  return translations.map((translation) => `\n  - ${translationText(translation, '    ')}`).join('');
}

function actionLine(action: FindingsAction, { labels: L, day }: FindingsLocale): string {
  const details = [L.actions.statuses[action.status]];
  if (action.owner) details.push(L.actions.owner(escapeMarkdown(action.owner)));
  if (action.due) details.push(L.actions.due(day(action.due)));
  const text = escapeMarkdown(action.text, '  ');
  const said = action.kind === 'cannot' && action.reason ? L.actions.because(text, escapeMarkdown(action.reason, '  ')) : text;
  const head = `- **${L.actions.kinds[action.kind]}${L.colon}** ${said} (${details.join(L.detailSeparator)})`;
  const history = action.history.map((entry) => `  - ${day(entry.on)}${L.colon} ${L.actions.statuses[entry.status]}${L.colon} ${escapeMarkdown(entry.text, '    ')}`);
  return [head, ...history].join('\n');
}

function noteLine(note: FindingsNote, frames: ReadonlyMap<string, string>, themes: ReadonlyMap<string, string>, { labels: L, count }: FindingsLocale): string {
  const quoted = (text: string) => L.quote(escapeMarkdown(text));
  const details: string[] = [];
  details.push(note.kind === 'note' ? L.notes.note(L.colours[note.color]) : note.kind === 'answer' ? L.notes.answer : L.notes.anonymousNote);
  if (note.frameId !== null) details.push(L.notes.inFrame(quoted(frames.get(note.frameId) ?? '')));
  if (note.votes > 0) details.push(count('dot', note.votes));
  if (note.tags.length > 0) details.push(L.notes.tags(note.tags.map((tag) => escapeMarkdown(tag)).join(L.listSeparator)));
  if (note.duplicateOf !== null) details.push(L.notes.duplicate);
  if (note.themeIds.length > 1) details.push(L.notes.inThemes(note.themeIds.map((id) => quoted(themes.get(id) ?? '')).join(L.listSeparator)));
  const text = note.hiddenReason !== null ? `*${L.hidden(escapeMarkdown(note.hiddenReason, '  '))}*` : escapeMarkdown(note.text || L.notes.empty, '  ');
  return `- ${text} — ${details.join(L.listSeparator)}${translationLines(note.translations)}`;
}
