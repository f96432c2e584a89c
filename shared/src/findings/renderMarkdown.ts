import { ACTION_KIND_LABELS, ACTION_STATUS_LABELS, LEVEL_LABELS, STATEMENT_LABELS, plural } from './labels.ts';
import type { Findings, FindingsAction, FindingsNote } from './schema.ts';

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

const quoted = (text: string) => `“${escapeMarkdown(text)}”`;

/**
 * The Markdown report, readable as plain text and rendered: title, the
 * engagement statement, participation counts, each theme with its
 * description, quotes, votes and "you said, we did" actions, the rounds
 * with every answer, the notes in no theme, and the frames. Deterministic:
 * no date in it (the same board gives the same bytes).
 */
export function findingsToMarkdown(findings: Findings): string {
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  const notes = new Map(findings.notes.map((note) => [note.id, note]));
  const frames = new Map(findings.frames.map((frame) => [frame.id, frame.title]));
  const themes = new Map(findings.themes.map((theme) => [theme.id, theme.name]));

  line(`# ${escapeMarkdown(findings.board.title || 'Untitled board')}`);
  line();
  line('Findings exported from Clapboard. Counts stand in for people: nothing here says who wrote what.');
  line();

  line('## About this engagement');
  line();
  if (findings.statement) {
    const statement = findings.statement;
    line(`- **Level of participation (IAP2 spectrum):** ${LEVEL_LABELS[statement.level]}`);
    for (const [field, label] of STATEMENT_LABELS) line(`- **${label}:** ${escapeMarkdown(statement[field], '  ')}`);
  } else {
    line('This board has no engagement statement.');
  }
  line();

  const p = findings.participation;
  line('## Participation');
  line();
  line('| What | Count |');
  line('| --- | ---: |');
  line(`| Notes | ${p.notes} |`);
  line(`| Anonymous notes | ${p.anonymousNotes} |`);
  line(`| Answers to rounds | ${p.answers} |`);
  line(`| Rounds | ${p.rounds.length} |`);
  line(`| Votes | ${p.votes.length} |`);
  line(`| Themes | ${p.themes} |`);
  line(`| Actions | ${p.actions} |`);
  line();
  const rounds = new Map(findings.rounds.map((round) => [round.id, round]));
  for (const { roundId, answers } of p.rounds) line(`- Round ${quoted(rounds.get(roundId)?.prompt ?? roundId)}: ${plural(answers, 'answer')}`);
  findings.votes.forEach((vote, index) => {
    const ballots = vote.ballots === null ? 'still open' : plural(vote.ballots, 'ballot');
    line(`- Vote ${index + 1} (${plural(vote.perPerson, 'dot')} each, ${vote.access === 'codes' ? 'with voting codes' : 'open to anyone with the link'}): ${ballots}`);
  });
  if (p.rounds.length + findings.votes.length > 0) line();

  line('## Themes');
  line();
  if (findings.themes.length === 0) {
    line('No themes yet.');
    line();
  }
  for (const theme of findings.themes) {
    line(`### ${escapeMarkdown(theme.name || 'Untitled theme')}`);
    line();
    if (theme.description) {
      line(escapeMarkdown(theme.description));
      line();
    }
    const origin = theme.origin === 'suggested' ? ', suggested by the board and accepted by a facilitator' : '';
    line(`${plural(theme.noteIds.length, 'note')}, ${plural(theme.votes, 'dot')} in votes${origin}.`);
    line();
    if (theme.quotes.length > 0) {
      line('**In people’s words**');
      line();
      for (const quote of theme.quotes) {
        line(`> ${escapeMarkdown(quote.text, '> ')}`);
        line();
      }
    }
    line('**You said, we did**');
    line();
    const actions = theme.actionIds.flatMap((id) => findings.actions.find((action) => action.id === id) ?? []);
    if (actions.length === 0) line('- Nothing recorded yet.');
    for (const action of actions) line(actionLine(action));
    line();
    line('**Notes**');
    line();
    for (const id of theme.noteIds) {
      const note = notes.get(id);
      if (note) line(noteLine(note, frames, themes));
    }
    line();
  }

  line('## Rounds');
  line();
  if (findings.rounds.length === 0) {
    line('No rounds.');
    line();
  }
  for (const round of findings.rounds) {
    line(`### ${escapeMarkdown(round.prompt)}`);
    line();
    line(`${round.state === 'revealed' ? 'Revealed' : round.state === 'closed' ? 'Closed, not revealed' : 'Open'}; ${plural(round.count, 'answer')}.`);
    line();
    for (const translation of round.translations) line(`- *${escapeMarkdown(translation.lang)}:* ${escapeMarkdown(translation.prompt, '  ')}`);
    if (round.translations.length > 0) line();
    for (const answer of round.answers) {
      const lang = answer.lang ? ` (${escapeMarkdown(answer.lang)})` : '';
      line(answer.hiddenReason !== null ? `- *Hidden by a facilitator: ${escapeMarkdown(answer.hiddenReason, '  ')}*` : `- ${escapeMarkdown(answer.text, '  ')}${lang}`);
    }
    if (round.answers.length > 0) line();
  }

  line('## Notes in no theme');
  line();
  if (findings.unthemedNoteIds.length === 0) line('Every note is in a theme.');
  for (const id of findings.unthemedNoteIds) {
    const note = notes.get(id);
    if (note) line(noteLine(note, frames, themes));
  }
  line();

  line('## Frames');
  line();
  if (findings.frames.length === 0) line('No frames.');
  findings.frames.forEach((frame, index) => line(`${index + 1}. ${escapeMarkdown(frame.title || 'Untitled frame', '   ')}`));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function actionLine(action: FindingsAction): string {
  const details = [ACTION_STATUS_LABELS[action.status]];
  if (action.owner) details.push(`owner: ${escapeMarkdown(action.owner)}`);
  if (action.due) details.push(`due ${action.due}`);
  const reason = action.kind === 'cannot' && action.reason ? `, because ${escapeMarkdown(action.reason, '  ')}` : '';
  const head = `- **${ACTION_KIND_LABELS[action.kind]}:** ${escapeMarkdown(action.text, '  ')}${reason} (${details.join('; ')})`;
  const history = action.history.map((entry) => `  - ${entry.on}: ${ACTION_STATUS_LABELS[entry.status]}: ${escapeMarkdown(entry.text, '    ')}`);
  return [head, ...history].join('\n');
}

function noteLine(note: FindingsNote, frames: ReadonlyMap<string, string>, themes: ReadonlyMap<string, string>): string {
  const details: string[] = [];
  details.push(note.kind === 'note' ? `${note.color} note` : note.kind === 'answer' ? 'anonymous answer' : 'anonymous note');
  if (note.frameId !== null) details.push(`in “${escapeMarkdown(frames.get(note.frameId) ?? '')}”`);
  if (note.votes > 0) details.push(plural(note.votes, 'dot'));
  if (note.tags.length > 0) details.push(`tags: ${note.tags.map((tag) => escapeMarkdown(tag)).join(', ')}`);
  if (note.duplicateOf !== null) details.push('a duplicate');
  if (note.themeIds.length > 1) details.push(`in themes ${note.themeIds.map((id) => `“${escapeMarkdown(themes.get(id) ?? '')}”`).join(', ')}`);
  const text = note.hiddenReason !== null ? `*Hidden by a facilitator: ${escapeMarkdown(note.hiddenReason, '  ')}*` : escapeMarkdown(note.text || '(empty)', '  ');
  return `- ${text} — ${details.join(', ')}`;
}
