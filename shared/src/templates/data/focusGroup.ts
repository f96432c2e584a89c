import type { TemplateData } from '../schema.ts';

/**
 * A focus group discussion guide (GLA, "Coproduction and consultation"):
 * open questions that let participants steer, a clear word first on what
 * the views are for and that they are not shared with accommodation
 * providers, the check the guide asks for throughout ("consider whose
 * voices are perhaps not being heard"), a chance to say something
 * privately in writing, and how we will report back.
 */
export const focusGroup = {
  schemaVersion: 1,
  id: 'focus-group',
  version: 1,
  name: 'Focus group',
  description: 'A discussion guide of open questions, with a welcome that says how views will be used, the "who is not in the room" check, a private written question, and next steps.',
  frames: [
    {
      key: 'welcome',
      title: 'Welcome',
      instructions:
        'Why we are here and how your views will be used. Nothing you say is shared with accommodation providers or the Home Office. You can skip any question, and you can answer in writing, on your own, instead of in the group.',
      x: 0,
      y: 0,
      width: 680,
      height: 620,
      notes: [],
    },
    {
      key: 'question-1',
      title: 'Question 1: Finding help',
      instructions: 'What is it like to find help and services here? Think of the last time you needed help.',
      x: 740,
      y: 0,
      width: 680,
      height: 620,
      notes: [],
    },
    {
      key: 'question-2',
      title: 'Question 2: What works',
      instructions: 'What has worked well for you? Who or what helped?',
      x: 1480,
      y: 0,
      width: 680,
      height: 620,
      notes: [],
    },
    {
      key: 'question-3',
      title: 'Question 3: What is hard',
      instructions: 'What has been hard, and what would have made it easier?',
      x: 2220,
      y: 0,
      width: 680,
      height: 620,
      notes: [],
    },
    {
      key: 'question-4',
      title: 'Question 4: One change',
      instructions: 'If you could change one thing about this service, what would it be?',
      x: 0,
      y: 680,
      width: 680,
      height: 620,
      notes: [],
    },
    {
      key: 'not-in-the-room',
      title: 'Who is not in the room?',
      instructions:
        'Whose voices are we not hearing today? Think about age, gender, language, nationality, disability, people who work or care for others during the day, and people who trust the council less. How could we reach them?',
      x: 740,
      y: 680,
      width: 680,
      height: 620,
      notes: [
        { text: 'Who is missing?', color: 'gray' },
        { text: 'How could we reach them?', color: 'gray' },
      ],
    },
    {
      key: 'next-steps',
      title: 'Next steps',
      instructions:
        'What happens to what you said, and when we will report back to you. If you would like to be asked again, or to join a lived experience group, tell the facilitator: please do not write contact details on the board.',
      x: 1480,
      y: 680,
      width: 1420,
      height: 620,
      notes: [],
    },
  ],
  steps: [
    { title: 'Welcome', prompt: 'Your views will shape the service. Nothing you say is shared with accommodation providers. You can skip any question.', frame: 'welcome' },
    { title: 'Question 1: Finding help', prompt: 'What is it like to find help and services here?', frame: 'question-1' },
    { title: 'Question 2: What works', prompt: 'What has worked well for you? Who or what helped?', frame: 'question-2' },
    { title: 'Question 3: What is hard', prompt: 'What has been hard, and what would have made it easier?', frame: 'question-3' },
    { title: 'Question 4: One change', prompt: 'If you could change one thing about this service, what would it be?', frame: 'question-4' },
    { title: 'Who is not in the room?', prompt: 'Whose voices are we not hearing today, and how could we reach them?', frame: 'not-in-the-room' },
    {
      title: 'Anything to say privately?',
      prompt: 'If there is something you did not want to say in the group, you can write it now. Nobody will see who wrote it.',
      frame: 'next-steps',
      opens: { round: { prompt: 'Is there anything you would rather tell us privately, that you did not want to say in the group?', k: 3 } },
    },
    { title: 'Next steps', prompt: 'What happens next, and when we will report back to you.', frame: 'next-steps' },
  ],
} satisfies TemplateData;
