/**
 * Templates as data (issue #8): every shipped template passes the schema
 * and builds a valid board (objects that parse, frames that do not
 * overlap, starter notes inside their frames, steps that point at frames);
 * a board's frames saved as a template build the same board again; a bad
 * file is refused with issues a person can find in it.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  BoardObjectSchema,
  MAX_BOARD_STEPS,
  SHIPPED_TEMPLATE_DATA,
  TemplateSchema,
  buildTemplate,
  currentStepFor,
  getObjectsMap,
  getSettingsMap,
  insertObject,
  isPositioned,
  parseTemplateJson,
  readAllObjects,
  readBoardSteps,
  readCurrentStep,
  readObject,
  rectContainsRect,
  rectsIntersect,
  shippedTemplates,
  templateFromBoard,
  templateIdFor,
  templateToJson,
  writeBoardSteps,
  STEP_SETTING,
  type BoardObject,
  type BoardStep,
  type FrameRecord,
  type Template,
  type TemplateData,
} from '@clapboard/shared';

const ORIGIN = { kind: 'server', reason: 'template' } as const;
const DETAILS = { name: 'Saved board', description: 'Saved from a test board.', untitledFrame: 'Untitled frame', untitledStep: 'Untitled step' };

function emptyBoard(): { content: Y.Doc; control: Y.Doc } {
  return { content: new Y.Doc(), control: new Y.Doc() };
}

/** Builds inside transactions on both documents, as the server does. */
function build(template: Template, board = emptyBoard(), at = { x: 0, y: 0 }) {
  let result!: ReturnType<typeof buildTemplate>;
  board.content.transact(() => board.control.transact(() => (result = buildTemplate(template, board, { at })), ORIGIN), ORIGIN);
  return { board, result };
}

function framesOf(objects: readonly BoardObject[]): FrameRecord[] {
  return objects.filter((object): object is FrameRecord => object.type === 'frame');
}

/** A template with what a comparison cares about: frame keys become their order, positions relative to the top-left frame. */
function comparable(template: Template) {
  const left = Math.min(...template.frames.map((frame) => frame.x));
  const top = Math.min(...template.frames.map((frame) => frame.y));
  const order = new Map(template.frames.map((frame, index) => [frame.key, index]));
  return {
    frames: template.frames.map(({ key: _key, ...frame }) => ({ ...frame, x: frame.x - left, y: frame.y - top })),
    steps: template.steps.map(({ frame, ...step }) => ({ ...step, frame: frame === undefined ? null : order.get(frame) })),
  };
}

function withFrames(frames: TemplateData['frames'], steps: TemplateData['steps'] = []): TemplateData {
  return { schemaVersion: 1, id: 'test', version: 1, name: 'Test', description: 'A test template.', frames, steps };
}

const frame = (key: string, extra: Partial<TemplateData['frames'][number]> = {}): TemplateData['frames'][number] => ({
  key,
  title: `Frame ${key}`,
  x: 0,
  y: 0,
  width: 460,
  height: 400,
  notes: [],
  ...extra,
});

describe('shipped templates', () => {
  it('are the seven the seeds describe, each valid against the schema', () => {
    expect(SHIPPED_TEMPLATE_DATA.map((data) => data.id)).toEqual([
      'workshop-plan',
      'ideas-board',
      'anonymous-round',
      'focus-group',
      'affinity-map',
      'retrospective',
      'you-said-we-did',
    ]);
    for (const data of SHIPPED_TEMPLATE_DATA) {
      const parsed = TemplateSchema.safeParse(data);
      expect(parsed.success, `${data.id}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
  });

  it('include what the issue asks of the workshop plan and the focus group', () => {
    const byId = new Map(shippedTemplates().map((template) => [template.id, template]));
    const plan = byId.get('workshop-plan')!;
    const sessions = plan.frames.filter((frame) => frame.key.startsWith('session-'));
    expect(sessions.length).toBeGreaterThanOrEqual(4);
    for (const session of sessions) {
      expect(session.notes.map((note) => note.text.split(':')[0])).toEqual(['Theme', 'Learning session', 'Homework']);
    }
    const focusGroup = byId.get('focus-group')!;
    expect(focusGroup.frames.some((frame) => frame.title === 'Who is not in the room?')).toBe(true);
    expect(focusGroup.steps.filter((step) => step.title.startsWith('Question')).length).toBeGreaterThanOrEqual(3);
    expect(byId.get('retrospective')!.frames.map((frame) => frame.title)).toEqual(expect.arrayContaining(['What worked well', 'Challenges', 'Top lessons']));
    expect(byId.get('anonymous-round')!.steps.some((step) => step.opens && 'round' in step.opens)).toBe(true);
  });

  for (const template of shippedTemplates()) {
    describe(template.id, () => {
      const { board, result } = build(template);
      const objects = readAllObjects(board.content);

      it('builds objects that all parse as board objects', () => {
        expect(result.ok).toBe(true);
        const stored = [...getObjectsMap(board.content).entries()];
        expect(stored.length).toBe(objects.length);
        for (const [id, map] of stored) {
          const object = readObject(map, id);
          expect(object, id).not.toBeNull();
          expect(BoardObjectSchema.safeParse(object).success).toBe(true);
        }
        expect(framesOf(objects).map((frame) => frame.text)).toEqual(expect.arrayContaining(template.frames.map((frame) => frame.title)));
      });

      it('lays out frames that do not overlap', () => {
        const frames = framesOf(objects);
        expect(frames.length).toBe(template.frames.length);
        for (const a of frames) for (const b of frames) if (a !== b) expect(rectsIntersect(a, b), `${a.text} / ${b.text}`).toBe(false);
      });

      it('puts starter notes and instructions inside their frames', () => {
        const frames = new Map(framesOf(objects).map((frame) => [frame.id, frame]));
        const members = objects.filter((object) => object.type !== 'frame');
        expect(members.filter((object) => object.type === 'note').length).toBe(template.frames.reduce((sum, frame) => sum + frame.notes.length, 0));
        expect(members.filter((object) => object.type === 'text').length).toBe(template.frames.filter((frame) => frame.instructions).length);
        for (const member of members) {
          if (!isPositioned(member)) throw new Error('a template builds no connectors');
          const parent = frames.get(member.frameId ?? '');
          expect(parent, `${member.type} has its frame`).toBeDefined();
          expect(rectContainsRect(parent!, member)).toBe(true);
          expect(member.z).toBeGreaterThan(parent!.z);
        }
      });

      it('writes steps that point at frames it built', () => {
        const steps = readBoardSteps(board.control);
        expect(steps.map((step) => step.title)).toEqual(template.steps.map((step) => step.title));
        const frameIds = new Set(framesOf(objects).map((frame) => frame.id));
        steps.forEach((step, index) => {
          expect(step.frameId === undefined).toBe(template.steps[index]!.frame === undefined);
          if (step.frameId !== undefined) expect(frameIds.has(step.frameId)).toBe(true);
          if (step.opens && 'vote' in step.opens) expect(step.frameId).toBeDefined();
        });
      });

      it('saves back to the same template, which builds the same board', () => {
        const saved = templateFromBoard(objects, readBoardSteps(board.control), DETAILS);
        if (!saved.ok) throw new Error(saved.reason);
        expect(saved.notesLeftOut).toBe(0);
        expect(comparable(saved.template)).toEqual(comparable(template));
        const file = parseTemplateJson(templateToJson(saved.template));
        expect(file).toEqual({ ok: true, template: saved.template });
        const rebuilt = readAllObjects(build(saved.template).board.content);
        const shape = (list: readonly BoardObject[]) => list.map(({ id: _id, frameId, ...object }) => ({ ...object, inFrame: frameId !== null }));
        expect(shape(rebuilt)).toEqual(shape(objects));
      });
    });
  }
});

describe('building into an existing board', () => {
  const focusGroup = shippedTemplates().find((template) => template.id === 'focus-group')!;
  const retrospective = shippedTemplates().find((template) => template.id === 'retrospective')!;

  it('moves aside from what is there, and adds the steps after the board’s own', () => {
    const { board } = build(focusGroup);
    const before = readAllObjects(board.content);
    const note = before.find((object) => object.type === 'note')!;
    // Asked to go right on top of the first template's notes.
    const { result } = build(retrospective, board, { x: isPositioned(note) ? note.x : 0, y: isPositioned(note) ? note.y : 0 });
    if (!result.ok) throw new Error(result.reason);
    const added = readAllObjects(board.content).filter((object) => !before.some((old) => old.id === object.id));
    expect(added.length).toBeGreaterThan(0);
    for (const object of added) {
      if (!isPositioned(object)) continue;
      for (const old of before) if (isPositioned(old)) expect(rectsIntersect(object, old)).toBe(false);
    }
    expect(readBoardSteps(board.control).map((step) => step.title)).toEqual([...focusGroup.steps, ...retrospective.steps].map((step) => step.title));
    expect(result.frameIds).toEqual(added.filter((object) => object.type === 'frame').sort((a, b) => a.z - b.z).map((frame) => frame.id));
  });

  it('lands on the requested point when it is free', () => {
    const board = emptyBoard();
    board.content.transact(() => insertObject(board.content, { type: 'note', x: -5000, y: -5000, width: 200, height: 200, z: 1, frameId: null, color: 'yellow', text: 'far away' }));
    const { result } = build(retrospective, board, { x: 3000, y: 2000 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.bounds.x + result.bounds.width / 2).toBeCloseTo(3000);
    expect(result.bounds.y + result.bounds.height / 2).toBeCloseTo(2000);
  });

  it('keeps the current step’s count up to date', () => {
    const { board } = build(focusGroup);
    board.control.transact(() => getSettingsMap(board.control).set(STEP_SETTING, currentStepFor(readBoardSteps(board.control), 1)));
    build(retrospective, board, { x: 0, y: 0 });
    expect(readCurrentStep(board.control)).toMatchObject({ index: 1, count: focusGroup.steps.length + retrospective.steps.length, title: focusGroup.steps[1]!.title });
  });

  it('writes nothing when the step list would pass its limit', () => {
    const board = emptyBoard();
    const filler: BoardStep[] = Array.from({ length: MAX_BOARD_STEPS - 1 }, (_, index) => ({ title: `Step ${index + 1}` }));
    board.control.transact(() => writeBoardSteps(board.control, filler));
    const { result } = build(focusGroup, board);
    expect(result).toEqual({ ok: false, reason: 'too-many-steps' });
    expect(getObjectsMap(board.content).size).toBe(0);
    expect(readBoardSteps(board.control).length).toBe(MAX_BOARD_STEPS - 1);
  });
});

describe('saving a board as a template', () => {
  it('leaves out anonymous answers, shapes and notes that do not fit, and says how many notes', () => {
    const board = emptyBoard();
    board.content.transact(() => {
      const frameId = insertObject(board.content, { type: 'frame', x: 100, y: 100, width: 460, height: 520, z: 1, frameId: null, text: '  ' });
      insertObject(board.content, { type: 'answer', x: 120, y: 160, width: 200, height: 200, z: 2, frameId, color: 'blue', answerId: 'answer-1' });
      insertObject(board.content, { type: 'shape', x: 120, y: 160, width: 50, height: 50, z: 2, frameId, shape: 'ellipse', stroke: 'black', fill: null, text: 'shape label' });
      // Room for two rows of two: the fifth and sixth note do not fit.
      for (let i = 0; i < 6; i++) insertObject(board.content, { type: 'note', x: 120 + (i % 2) * 220, y: 160 + Math.floor(i / 2) * 220, width: 200, height: 200, z: 3 + i, frameId, color: 'pink', text: `note ${i + 1}` });
    });
    const saved = templateFromBoard(readAllObjects(board.content), [], DETAILS);
    if (!saved.ok) throw new Error(saved.reason);
    expect(saved.notesLeftOut).toBe(2);
    const [only] = saved.template.frames;
    expect(only).toMatchObject({ key: 'frame-1', title: 'Untitled frame', x: 0, y: 0, width: 460, height: 520 });
    expect(only!.notes.map((note) => note.text)).toEqual(['note 1', 'note 2', 'note 3', 'note 4']);
    expect(templateToJson(saved.template)).not.toContain('answer-1');
    expect(templateToJson(saved.template)).not.toContain('shape label');
  });

  it('refuses a board with no frames', () => {
    expect(templateFromBoard([], [], DETAILS)).toEqual({ ok: false, reason: 'no-frames' });
  });

  it('makes an id from the name, or a fallback for a name in another script', () => {
    expect(templateIdFor('Focus group: Barking & Dagenham, 2024')).toBe('focus-group-barking-dagenham-2024');
    expect(templateIdFor('ورشة عمل')).toBe('saved-board');
  });
});

describe('a bad template file', () => {
  it('that is not JSON says so', () => {
    expect(parseTemplateJson('{ "frames": [')).toEqual({ ok: false, reason: 'not-json' });
  });

  it('names each problem where it is, in words', () => {
    const result = parseTemplateJson(
      JSON.stringify(
        withFrames(
          [frame('a'), frame('b', { x: 500, title: '   ' }), frame('c', { x: 1000, height: 150, instructions: 'Talk about this.', notes: [{ text: 'One', color: 'yellow' }] })],
          [{ title: 'Vote', frame: 'missing' }, { title: 'Vote here', opens: { vote: { perPerson: 3 } } }],
        ),
      ),
    );
    if (result.ok || result.reason !== 'invalid') throw new Error('expected issues');
    expect(result.issues).toEqual([
      { where: 'frame 2, title', message: 'title must not be empty' },
      { where: 'frame 3, height', message: 'the frame is too short for its instructions and notes: make it at least 334 tall' },
      { where: 'step 1, frame', message: 'no frame has the key "missing"' },
      { where: 'step 2, opens', message: 'a step that opens a vote needs a frame: the vote is over the notes in it' },
    ]);
  });

  it('from a newer Clapboard says that, not which fields it does not know', () => {
    const result = parseTemplateJson(JSON.stringify({ ...withFrames([frame('a')]), schemaVersion: 2 }));
    if (result.ok || result.reason !== 'invalid') throw new Error('expected issues');
    expect(result.issues[0]).toEqual({ where: 'schemaVersion', message: expect.stringContaining('saved by a newer version of Clapboard') });
  });

  it('with fields the format does not have is refused, not silently trimmed', () => {
    const result = parseTemplateJson(JSON.stringify({ ...withFrames([frame('a', { script: 'alert(1)' } as never)]) }));
    if (result.ok || result.reason !== 'invalid') throw new Error('expected issues');
    expect(result.issues.map((issue) => issue.where)).toEqual(['frame 1']);
    expect(result.issues[0]!.message).toContain('script');
  });
});
