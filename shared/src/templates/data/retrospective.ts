import type { TemplateData } from '../schema.ts';

/**
 * A retrospective in the shape of Barnet's case study of co-producing its
 * Adult Social Care strategy: what worked, the challenges, and the top
 * lessons (theirs: "Build from where you are", "The council doesn't always
 * know best", "Remember that everyone is human"), with a private written
 * question for what people would not say aloud, a vote on the lessons,
 * and what we will do differently, with names.
 */
export const retrospective = {
  schemaVersion: 1,
  id: 'retrospective',
  version: 1,
  name: 'Retrospective',
  description: 'What worked, the challenges, and the top lessons, with a private written question, a vote on the lessons that matter most, and what we will do differently next time.',
  frames: [
    {
      key: 'worked',
      title: 'What worked well',
      instructions: 'What went well? What should we keep doing?',
      x: 0,
      y: 0,
      width: 680,
      height: 760,
      notes: [],
    },
    {
      key: 'challenges',
      title: 'Challenges',
      instructions: 'What was hard? What got in the way, for you or for others?',
      x: 740,
      y: 0,
      width: 680,
      height: 760,
      notes: [],
    },
    {
      key: 'lessons',
      title: 'Top lessons',
      instructions: 'What would you tell another group starting the same work? For example: "Build from where you are", or "The council does not always know best".',
      x: 1480,
      y: 0,
      width: 680,
      height: 760,
      notes: [],
    },
    {
      key: 'next-time',
      title: 'What we will do differently',
      instructions: 'For each change: what we will do, who will do it, and by when.',
      x: 2220,
      y: 0,
      width: 680,
      height: 760,
      notes: [],
    },
  ],
  steps: [
    { title: 'What worked well', prompt: 'What went well? What should we keep doing?', frame: 'worked' },
    { title: 'Challenges', prompt: 'What was hard? What got in the way, for you or for others?', frame: 'challenges' },
    {
      title: 'Anything to say privately?',
      prompt: 'Write anything you would rather not say aloud. Nobody will see who wrote it.',
      frame: 'challenges',
      opens: { round: { prompt: 'What did not work for you, that you would rather not say in front of the group?', k: 3 } },
    },
    { title: 'Top lessons', prompt: 'What would you tell another group starting the same work?', frame: 'lessons' },
    { title: 'Choose the top lessons', prompt: 'You have three dots. Put them on the lessons that matter most.', frame: 'lessons', opens: { vote: { perPerson: 3 } } },
    { title: 'What we will do differently', prompt: 'What will we change, who will do it, and by when?', frame: 'next-time' },
  ],
} satisfies TemplateData;
