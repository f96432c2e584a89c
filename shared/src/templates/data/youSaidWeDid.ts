import type { TemplateData } from '../schema.ts';

/**
 * A "you said, we did" feedback board: the feedback loop the GLA guidance
 * calls most important ("use what you learn, turn it into action,
 * disseminate"), and the City of London principle of being transparent
 * about what cannot be achieved. Lack of feedback is one of the reasons it
 * gives for people not taking part again.
 */
export const youSaidWeDid = {
  schemaVersion: 1,
  id: 'you-said-we-did',
  version: 1,
  name: 'You said, we did',
  description: 'What people told us, what changed because of it, what we could not do yet and why, and a private question on whether it is what they asked for.',
  frames: [
    {
      key: 'you-said',
      title: 'You said',
      instructions: 'What people told us, in their words where we can. One point per note.',
      x: 0,
      y: 0,
      width: 900,
      height: 700,
      notes: [{ text: 'For example: the advice sessions are only in the morning, when many of us are at college.', color: 'yellow' }],
    },
    {
      key: 'we-did',
      title: 'We did',
      instructions: 'What changed because of it. Put each note level with the point it answers.',
      x: 960,
      y: 0,
      width: 900,
      height: 700,
      notes: [{ text: 'For example: from March there is an evening advice session every Thursday.', color: 'green' }],
    },
    {
      key: 'not-yet',
      title: 'What we could not do yet, and why',
      instructions: 'Be honest about what we could not change, why, and what would need to happen for it to change.',
      x: 0,
      y: 760,
      width: 900,
      height: 620,
      notes: [],
    },
    {
      key: 'your-view',
      title: 'Tell us what you think',
      instructions: 'Is this what you asked for? What is still missing? What should we do next?',
      x: 960,
      y: 760,
      width: 900,
      height: 620,
      notes: [],
    },
  ],
  steps: [
    { title: 'You said', prompt: 'This is what you told us.', frame: 'you-said' },
    { title: 'We did', prompt: 'This is what changed because of it.', frame: 'we-did' },
    { title: 'What we could not do yet, and why', prompt: 'Some things have not changed yet. This is why, and what would need to happen.', frame: 'not-yet' },
    {
      title: 'Is this what you asked for?',
      prompt: 'Tell us privately: nobody will see who wrote which answer.',
      frame: 'your-view',
      opens: { round: { prompt: 'Is this what you asked for? What is still missing?', k: 3 } },
    },
    { title: 'What next', prompt: 'What should we do next? Add a note.', frame: 'your-view' },
  ],
} satisfies TemplateData;
