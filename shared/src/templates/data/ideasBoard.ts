import type { TemplateData } from '../schema.ts';

/**
 * An ideas board, one of the consultation methods in the City of London
 * engagement framework, run as a Sanctuary Board runs its sessions
 * (Lambeth): a question in plain words, every idea welcome, grouped, then a
 * dot vote, and the chosen ideas taken forward with a name and a date.
 */
export const ideasBoard = {
  schemaVersion: 1,
  id: 'ideas-board',
  version: 1,
  name: 'Ideas board',
  description: 'One question, every idea on a note, similar ideas grouped, a dot vote, and the chosen ideas taken forward with a name and a date.',
  frames: [
    {
      key: 'question',
      title: 'Our question',
      instructions: 'Write the question on the note below, in plain words. Say what can change because of the answers, and what cannot.',
      x: 0,
      y: 0,
      width: 460,
      height: 480,
      notes: [{ text: 'Write the question here', color: 'gray' }],
    },
    {
      key: 'ideas',
      title: 'Ideas',
      instructions: 'One idea per note. Every idea is welcome: big or small, new, or tried somewhere else. Write in any language.',
      x: 520,
      y: 0,
      width: 1120,
      height: 900,
      notes: [],
    },
    {
      key: 'questions',
      title: 'Questions we still have',
      instructions: 'Anything we need to find out before we can decide.',
      x: 0,
      y: 540,
      width: 460,
      height: 360,
      notes: [],
    },
    {
      key: 'forward',
      title: 'Ideas to take forward',
      instructions: 'Move the ideas with the most dots here. For each one, agree who takes it forward, by when, and how we will tell everyone what happened.',
      x: 1700,
      y: 0,
      width: 680,
      height: 900,
      notes: [],
    },
  ],
  steps: [
    { title: 'Our question', prompt: 'Read the question together. Is anything unclear?', frame: 'question' },
    { title: 'Share ideas', prompt: 'Add one idea per note. Every idea is welcome.', frame: 'ideas' },
    { title: 'Group similar ideas', prompt: 'Move ideas that say the same thing next to each other.', frame: 'ideas' },
    { title: 'Vote for the ideas to take forward', prompt: 'You have three dots. Put them on the ideas you think matter most.', frame: 'ideas', opens: { vote: { perPerson: 3 } } },
    { title: 'Take the ideas forward', prompt: 'Who will take each idea forward, and by when?', frame: 'forward' },
  ],
} satisfies TemplateData;
