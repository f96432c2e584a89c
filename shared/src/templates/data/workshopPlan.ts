import type { TemplateData } from '../schema.ts';

/**
 * A plan for a series of co-production sessions, as the remote action
 * group of Experts by Experience planned theirs ("One hand can't clap",
 * Refugee Action, 2021): a timeline of meetings two weeks apart, each with
 * a theme, a learning session woven into it, and homework before the next,
 * and first, what training and support each person needs to take part fully.
 */
export const workshopPlan = {
  schemaVersion: 1,
  id: 'workshop-plan',
  version: 1,
  name: 'Workshop plan',
  description: 'A timeline of sessions two weeks apart, each with a theme, a learning session and homework, and a place to agree the training and support everyone needs to take part.',
  frames: [
    {
      key: 'support',
      title: 'What each of us needs to take part',
      instructions: 'Before we plan: what training or support would help you take part fully? For example using this board, shared documents, writing in plain English, or running an interview.',
      x: 0,
      y: 780,
      width: 1340,
      height: 560,
      notes: [
        { text: 'Training I would like', color: 'yellow' },
        { text: 'Support that would help me (travel, childcare, an interpreter, a quiet space)', color: 'yellow' },
        { text: 'The days and times that suit me for meetings', color: 'yellow' },
      ],
    },
    {
      key: 'session-1',
      title: 'Session 1: Planning',
      instructions: 'Change these notes to fit your group: what the meeting is about, the skill you learn together, and the homework before the next meeting.',
      x: 0,
      y: 0,
      width: 460,
      height: 700,
      notes: [
        { text: 'Theme: Planning', color: 'blue' },
        { text: 'Learning session: Introduction to this board', color: 'green' },
        { text: 'Homework: Find inspiration for content', color: 'orange' },
      ],
    },
    {
      key: 'session-2',
      title: 'Session 2: Content brainstorming',
      instructions: 'Change these notes to fit your group: what the meeting is about, the skill you learn together, and the homework before the next meeting.',
      x: 520,
      y: 0,
      width: 460,
      height: 700,
      notes: [
        { text: 'Theme: Content brainstorming', color: 'blue' },
        { text: 'Learning session: Using shared documents', color: 'green' },
        { text: 'Homework: Write content', color: 'orange' },
      ],
    },
    {
      key: 'session-3',
      title: 'Session 3: Working content session',
      instructions: 'Change these notes to fit your group: what the meeting is about, the skill you learn together, and the homework before the next meeting.',
      x: 1040,
      y: 0,
      width: 460,
      height: 700,
      notes: [
        { text: 'Theme: Working content session', color: 'blue' },
        { text: 'Learning session: Writing in plain English for the web', color: 'green' },
        { text: 'Homework: Prepare for the research session', color: 'orange' },
      ],
    },
    {
      key: 'session-4',
      title: 'Session 4: Research session',
      instructions: 'Change these notes to fit your group: what the meeting is about, the skill you learn together, and the homework before the next meeting.',
      x: 1560,
      y: 0,
      width: 460,
      height: 700,
      notes: [
        { text: 'Theme: Research session', color: 'blue' },
        { text: 'Learning session: Running a research session: interviewing and note taking', color: 'green' },
        { text: 'Homework: Develop content', color: 'orange' },
      ],
    },
    {
      key: 'session-5',
      title: 'Session 5: Script writing and video',
      instructions: 'Change these notes to fit your group: what the meeting is about, the skill you learn together, and the homework before the next meeting.',
      x: 2080,
      y: 0,
      width: 460,
      height: 700,
      notes: [
        { text: 'Theme: Script writing and video', color: 'blue' },
        { text: 'Learning session: Planning, practising, shooting and editing a video', color: 'green' },
        { text: 'Homework: Practise the video', color: 'orange' },
      ],
    },
    {
      key: 'session-6',
      title: 'Session 6: Review of written guidance',
      instructions: 'Change these notes to fit your group: what the meeting is about, the skill you learn together, and the homework before the next meeting.',
      x: 2600,
      y: 0,
      width: 460,
      height: 700,
      notes: [
        { text: 'Theme: Review of written guidance', color: 'blue' },
        { text: 'Learning session: Giving feedback on a draft', color: 'green' },
        { text: 'Homework: Review the guidance and give feedback on the web design', color: 'orange' },
      ],
    },
  ],
  steps: [
    { title: 'What each of us needs to take part', prompt: 'What training or support would help you take part fully? Add a note, or tell the facilitator.', frame: 'support' },
    { title: 'Session 1: Planning', prompt: 'What do we want to make together, and who is it for?', frame: 'session-1' },
    { title: 'Session 2: Content brainstorming', prompt: 'What should the guidance say? Add every idea, one per note.', frame: 'session-2' },
    { title: 'Session 3: Working content session', prompt: 'Turn the ideas into sections. Which ones belong together?', frame: 'session-3' },
    { title: 'Session 4: Research session', prompt: 'Who should we interview, and what do we want to ask them?', frame: 'session-4' },
    { title: 'Session 5: Script writing and video', prompt: 'What should the video show, and who will say what?', frame: 'session-5' },
    { title: 'Session 6: Review of written guidance', prompt: 'Read the draft. What is clear, what is missing, and what should change?', frame: 'session-6' },
  ],
} satisfies TemplateData;
