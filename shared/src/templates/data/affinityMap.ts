import type { TemplateData } from '../schema.ts';

/**
 * Synthesis as an affinity map: the action group's "synthesising research
 * findings" step ("One hand can't clap"). Findings one per note, sorted
 * into themes, the themes named, the gaps checked ("whose voices are not
 * being heard", GLA), and each theme turned into what we learned and what
 * we will do.
 */
export const affinityMap = {
  schemaVersion: 1,
  id: 'affinity-map',
  version: 1,
  name: 'Synthesis: affinity map',
  description: 'Findings from interviews, focus groups and surveys, one per note, sorted into themes, named, checked for missing voices, and turned into what we learned and what we will do.',
  frames: [
    {
      key: 'findings',
      title: 'Findings to sort',
      instructions:
        'One finding per note: something someone said or did, in their words where you can. Say where it came from (an interview, a focus group, a survey), never who said it.',
      x: 0,
      y: 0,
      width: 1120,
      height: 1300,
      notes: [],
    },
    {
      key: 'theme-a',
      title: 'Theme A',
      instructions: 'Rename this frame to say what the notes in it have in common.',
      x: 1180,
      y: 0,
      width: 680,
      height: 620,
      notes: [],
    },
    {
      key: 'theme-b',
      title: 'Theme B',
      instructions: 'Rename this frame to say what the notes in it have in common.',
      x: 1920,
      y: 0,
      width: 680,
      height: 620,
      notes: [],
    },
    {
      key: 'theme-c',
      title: 'Theme C',
      instructions: 'Rename this frame to say what the notes in it have in common.',
      x: 1180,
      y: 680,
      width: 680,
      height: 620,
      notes: [],
    },
    {
      key: 'theme-d',
      title: 'Theme D',
      instructions: 'Rename this frame to say what the notes in it have in common.',
      x: 1920,
      y: 680,
      width: 680,
      height: 620,
      notes: [],
    },
    {
      key: 'gaps',
      title: 'Surprises and missing voices',
      instructions: 'What surprised us? Whose experiences are missing from these findings, and how could we hear from them?',
      x: 2660,
      y: 0,
      width: 680,
      height: 620,
      notes: [],
    },
    {
      key: 'insights',
      title: 'What we learned, and what we will do',
      instructions: 'For each theme, one note that starts "We learned that…" and one that starts "So we will…".',
      x: 2660,
      y: 680,
      width: 680,
      height: 620,
      notes: [
        { text: 'We learned that…', color: 'green' },
        { text: 'So we will…', color: 'blue' },
      ],
    },
  ],
  steps: [
    { title: 'Add the findings', prompt: 'One finding per note. Say where it came from, never who said it.', frame: 'findings' },
    { title: 'Sort into themes', prompt: 'Move each note to a theme it belongs with. No discussion yet: just sort.', frame: 'findings' },
    { title: 'Name the themes', prompt: 'What do the notes in each theme have in common? Rename the frame to say it.', frame: 'theme-a' },
    { title: 'Who is missing?', prompt: 'Whose experiences are missing from these findings, and how could we hear from them?', frame: 'gaps' },
    { title: 'What we learned, and what we will do', prompt: 'For each theme: what did we learn, and what will we do about it?', frame: 'insights' },
    { title: 'Choose what matters most', prompt: 'You have three dots. Put them on the points that matter most to you.', frame: 'insights', opens: { vote: { perPerson: 3 } } },
  ],
} satisfies TemplateData;
