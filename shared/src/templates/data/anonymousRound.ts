import type { TemplateData } from '../schema.ts';

/**
 * An anonymous written-response round: for people who would not say
 * something in a group, or who trust the council or the accommodation less
 * (GLA, "Coproduction and consultation": "respond to questions
 * individually, through written exercises"; "anonymised individual written
 * answers"). The step opens a round: answers go to the server, not the
 * board, and appear together once enough people have answered.
 */
export const anonymousRound = {
  schemaVersion: 1,
  id: 'anonymous-round',
  version: 1,
  name: 'Anonymous written answers',
  description: 'A question everyone answers on their own device. Nobody, the facilitator included, can see who wrote which answer; the answers appear together once enough people have answered.',
  frames: [
    {
      key: 'how',
      title: 'How this works',
      instructions:
        'Answer on your own phone or computer. Your answer goes to the server, not to the board, so nobody can see who wrote it, not even the facilitator. The answers appear on the board together, only once enough people have answered. You can change or withdraw your answer until then.',
      x: 0,
      y: 0,
      width: 680,
      height: 480,
      notes: [],
    },
    {
      key: 'talk',
      title: 'What the answers tell us',
      instructions: 'When the answers appear, move them here and group them. What do they have in common? What surprises us? What should change?',
      x: 740,
      y: 0,
      width: 1120,
      height: 900,
      notes: [],
    },
  ],
  steps: [
    { title: 'How this works', prompt: 'Nobody will see who wrote which answer. You can skip the question.', frame: 'how' },
    {
      title: 'Write your answer',
      prompt: 'Answer on your own device, in any language.',
      frame: 'how',
      opens: { round: { prompt: 'What is one thing you would like us to know, that you would not say in front of the group?', k: 3 } },
    },
    { title: 'What the answers tell us', prompt: 'Which answers surprise you? What should change because of them?', frame: 'talk' },
  ],
} satisfies TemplateData;
