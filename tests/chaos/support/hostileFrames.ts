import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { FIRST_EXTENSION_MESSAGE_TYPE, MessageType, insertObject, getObjectText, deleteObjects } from '@clapboard/shared';

/**
 * Frames for the fuzz suite: valid y-websocket messages, and every way of
 * getting them wrong that the sync layer must survive. Each generator draws
 * only from the RNG it is given, so a seed names the same frames every time.
 */
export type Frame = Uint8Array | string;

export interface FrameKind {
  name: string;
  /** Relative frequency. */
  weight: number;
  make(rng: prng.PRNG, corpus: Corpus): Frame;
}

/** Valid messages to send as they are, and to mutate. */
export interface Corpus {
  /** Sync updates a real client made (inserts, typing, deletes), in order. */
  updates: Uint8Array[];
  /** Whole frames: sync step 1s, step 2s, updates, awareness, query-awareness. */
  frames: Uint8Array[];
}

const MAX_VARUINT = Number.MAX_SAFE_INTEGER;

/** Any of Yjs's item contents (its AbstractContent, which Yjs does not export by name). */
type ItemContent = ConstructorParameters<typeof Y.Item>[7];

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const syncFrame = (syncType: number, payload: Uint8Array) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, payload);
  });

/** Live updates and step 2s are read alike; both are sent. */
const updateFrame = (update: Uint8Array) => syncFrame(update.length % 2 ? syncProtocol.messageYjsUpdate : syncProtocol.messageYjsSyncStep2, update);

const awarenessFrame = (entries: Array<{ client: number; clock: number; json: string }>) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Awareness);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(inner, entry.client);
      encoding.writeVarUint(inner, entry.clock);
      encoding.writeVarString(inner, entry.json);
    }
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  });

/** A number that is often on an edge: 0, 1, 2^31, 2^32, 2^53 - 1, or anything. */
function edgyNumber(rng: prng.PRNG): number {
  return prng.oneOf(rng, [0, 1, 2, 127, 128, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000, MAX_VARUINT, prng.uint32(rng, 0, 0xffffffff), prng.uint53(rng, 0, MAX_VARUINT)]);
}

/** Any JSON value, nested up to `depth`, with the keys an awareness state has and a few that are traps. */
function randomJson(rng: prng.PRNG, depth: number): unknown {
  const kind = prng.uint32(rng, 0, depth > 0 ? 7 : 4);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return prng.bool(rng);
    case 2:
      return prng.oneOf(rng, [0, -1, 1e308, -1e308, 5e-324, edgyNumber(rng), prng.real53(rng) * 1e6]);
    case 3:
      return prng.oneOf(rng, ['', prng.word(rng, 0, 20), prng.utf16String(rng, 80), '#aa00ff', 'facilitator', 'x'.repeat(prng.uint32(rng, 60, 20_000))]);
    case 4:
    case 5:
      return Array.from({ length: prng.uint32(rng, 0, 4) }, () => randomJson(rng, depth - 1));
    default: {
      const keys = ['user', 'name', 'color', 'role', 'cursor', 'x', 'y', 'selection', 'viewport', 'zoom', 'summon', 'nonce', 'editing', 'following', '__proto__', 'constructor', prng.word(rng, 1, 8)];
      return Object.fromEntries(Array.from({ length: prng.uint32(rng, 0, 5) }, () => [prng.oneOf(rng, keys), randomJson(rng, depth - 1)]));
    }
  }
}

/** JSON text, mostly from randomJson, sometimes not JSON at all or nested past any sane depth. */
function randomJsonText(rng: prng.PRNG): string {
  switch (prng.uint32(rng, 0, 9)) {
    case 0:
      return '{"user":';
    case 1:
      return '['.repeat(prng.uint32(rng, 100, 50_000));
    case 2:
      return `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`;
    case 3:
      return 'null';
    case 4:
      return prng.utf16String(rng, 40);
    default:
      return JSON.stringify(randomJson(rng, 4));
  }
}

/**
 * One v1 update of these items and deletions: any content, any parent (a
 * root name or an item id), any origin. Items of one client must come in a
 * run of contiguous clocks, as Yjs reads one block per client.
 */
function craftItems(items: Array<{ client: number; clock: number; parent: string | Y.ID | null; parentSub: string | null; origin?: Y.ID | null; content: ItemContent }>, deletes: Array<[number, number, number]> = []): Uint8Array {
  const blocks = new Map<number, typeof items>();
  for (const item of items) {
    if (!blocks.has(item.client)) blocks.set(item.client, []);
    blocks.get(item.client)!.push(item);
  }
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, blocks.size);
  for (const [client, block] of blocks) {
    encoding.writeVarUint(encoder.restEncoder, block.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, block[0]!.clock);
    for (const spec of block) {
      const item = new Y.Item(Y.createID(spec.client, spec.clock), null, spec.origin ?? null, null, null, spec.parent as unknown as Y.AbstractType<unknown>, spec.parentSub, spec.content);
      item.write(encoder, 0);
    }
  }
  encoding.writeVarUint(encoder.restEncoder, deletes.length);
  for (const [client, clock, length] of deletes) {
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, 1);
    encoding.writeVarUint(encoder.restEncoder, clock);
    encoding.writeVarUint(encoder.restEncoder, length);
  }
  return encoder.toUint8Array();
}

/** Contents of every kind Yjs knows, including the ones the board never uses. */
function randomContent(rng: prng.PRNG): ItemContent {
  switch (prng.uint32(rng, 0, 9)) {
    case 0:
      return new Y.ContentString(prng.oneOf(rng, ['\ud800', 'a\udfffb', prng.utf16String(rng, 30)]));
    case 1:
      return new Y.ContentBinary(prng.uint8Array(rng, prng.uint32(rng, 0, 64)));
    case 2:
      return new Y.ContentDeleted(prng.uint32(rng, 1, 1 << 20));
    case 3:
      return new Y.ContentDoc(new Y.Doc({ guid: prng.word(rng, 1, 10) }));
    case 4:
      return new Y.ContentEmbed({ embed: randomJson(rng, 2) });
    case 5:
      return new Y.ContentFormat(prng.word(rng, 1, 6), randomJson(rng, 1) as object);
    case 6:
      return new Y.ContentJSON([randomJson(rng, 2)]);
    case 7:
      return new Y.ContentType(prng.oneOf(rng, [new Y.Map(), new Y.Array(), new Y.Text(), new Y.XmlFragment(), new Y.XmlElement('p'), new Y.XmlText()]));
    default:
      return new Y.ContentAny([randomJson(rng, 2)]);
  }
}

/** Mutations of a valid frame: flipped bits, cut short, bytes inserted or dropped, two frames spliced. */
function mutate(rng: prng.PRNG, corpus: Corpus): Uint8Array {
  const bytes = Uint8Array.from(prng.oneOf(rng, corpus.frames));
  const at = () => prng.uint32(rng, 0, Math.max(0, bytes.length - 1));
  switch (prng.uint32(rng, 0, 5)) {
    case 0:
    case 1: {
      for (let flips = prng.uint32(rng, 1, 4); flips > 0; flips -= 1) bytes[at()]! ^= 1 << prng.uint32(rng, 0, 7);
      return bytes;
    }
    case 2:
      return bytes.slice(0, at());
    case 3: {
      const cut = at();
      return Uint8Array.from([...bytes.slice(0, cut), ...prng.uint8Array(rng, prng.uint32(rng, 1, 8)), ...bytes.slice(cut + prng.uint32(rng, 0, 3))]);
    }
    case 4: {
      const cut = at();
      bytes.set(prng.uint8Array(rng, Math.min(8, bytes.length - cut)), cut);
      return bytes;
    }
    default: {
      const other = prng.oneOf(rng, corpus.frames);
      return Uint8Array.from([...bytes.slice(0, at()), ...other.slice(prng.uint32(rng, 0, other.length))]);
    }
  }
}

const randomClient = (rng: prng.PRNG) => prng.uint32(rng, 1, 0x7fffffff);

export const FRAME_KINDS: FrameKind[] = [
  // Valid messages, as a real client sends them: most keep the connection open.
  { name: 'valid', weight: 30, make: (rng, corpus) => prng.oneOf(rng, corpus.frames) },
  { name: 'query-awareness', weight: 6, make: (rng) => (prng.uint32(rng, 0, 9) === 0 ? Uint8Array.from([MessageType.QueryAwareness, ...prng.uint8Array(rng, 4)]) : Uint8Array.of(MessageType.QueryAwareness)) },
  {
    name: 'state vector',
    weight: 8,
    make: (rng) =>
      syncFrame(
        syncProtocol.messageYjsSyncStep1,
        frame((encoder) => {
          const clients = prng.uint32(rng, 0, 20);
          // Sometimes declares far more entries than follow.
          encoding.writeVarUint(encoder, prng.uint32(rng, 0, 19) === 0 ? edgyNumber(rng) : clients);
          for (let index = 0; index < clients; index += 1) {
            encoding.writeVarUint(encoder, randomClient(rng));
            encoding.writeVarUint(encoder, edgyNumber(rng));
          }
        }),
      ),
  },
  {
    name: 'awareness',
    weight: 10,
    make: (rng) => awarenessFrame(Array.from({ length: prng.uint32(rng, 1, 3) }, () => ({ client: prng.bool(rng) ? 4242 : edgyNumber(rng), clock: edgyNumber(rng), json: randomJsonText(rng) }))),
  },
  // Mutated and broken messages.
  { name: 'mutated', weight: 20, make: mutate },
  { name: 'random bytes', weight: 4, make: (rng) => prng.uint8Array(rng, prng.uint32(rng, 0, 96)) },
  {
    name: 'truncated varint',
    weight: 3,
    make: (rng) => Uint8Array.from([...prng.oneOf(rng, [[], [0], [0, 2], [0, 0], [1], [1, 5, 1]]), ...Array.from({ length: prng.uint32(rng, 1, 12) }, () => 0x80 | prng.uint32(rng, 0, 127))]),
  },
  {
    name: 'huge length',
    weight: 3,
    make: (rng) =>
      frame((encoder) => {
        encoding.writeVarUint(encoder, prng.oneOf(rng, [MessageType.Sync, MessageType.Awareness]));
        if (prng.bool(rng)) encoding.writeVarUint(encoder, prng.uint32(rng, 0, 2));
        encoding.writeVarUint(encoder, prng.oneOf(rng, [0xffffffff, MAX_VARUINT, 1 << 30, 65_537]));
        encoding.writeUint8Array(encoder, prng.uint8Array(rng, prng.uint32(rng, 0, 32)));
      }),
  },
  {
    name: 'clock gap',
    weight: 3,
    make: (rng) => updateFrame(craftItems([{ client: randomClient(rng), clock: prng.uint32(rng, 1, 1 << 30), parent: 'objects', parentSub: prng.word(rng, 1, 8), content: new Y.ContentAny([1]) }])),
  },
  {
    name: 'unknown deletions',
    weight: 3,
    make: (rng) => updateFrame(craftItems([], Array.from({ length: prng.uint32(rng, 1, 20) }, () => [randomClient(rng), edgyNumber(rng) % 2 ** 40, prng.uint32(rng, 1, 0xffffffff)] as [number, number, number]))),
  },
  {
    name: 'deep nesting',
    weight: 2,
    make: (rng) => {
      const client = randomClient(rng);
      // Mostly a few levels too deep; now and then thousands (each costs the server a full decode).
      const depth = prng.uint32(rng, 0, 24) === 0 ? prng.uint32(rng, 1000, 3000) : prng.uint32(rng, 3, 200);
      return updateFrame(craftItems(Array.from({ length: depth }, (_, level) => ({ client, clock: level, parent: level === 0 ? 'objects' : Y.createID(client, level - 1), parentSub: `k${level}`, content: new Y.ContentType(new Y.Map()) }))));
    },
  },
  {
    name: 'odd contents',
    weight: 4,
    make: (rng) => {
      const client = randomClient(rng);
      return updateFrame(craftItems([{ client, clock: 0, parent: prng.oneOf(rng, ['objects', 'meta', 'answers', '__proto__', 'settings', prng.word(rng, 1, 6)]), parentSub: prng.bool(rng) ? prng.word(rng, 1, 8) : null, content: randomContent(rng) }]));
    },
  },
  {
    name: 'pathological yjs',
    weight: 4,
    make: (rng) => {
      const client = randomClient(rng);
      switch (prng.uint32(rng, 0, 5)) {
        case 0: {
          // One garbage-collected run of 2^30 clocks: a state vector jump nobody wrote.
          const encoder = new Y.UpdateEncoderV1();
          encoding.writeVarUint(encoder.restEncoder, 1);
          encoding.writeVarUint(encoder.restEncoder, 1);
          encoder.writeClient(client);
          encoding.writeVarUint(encoder.restEncoder, 0);
          new Y.GC(Y.createID(client, 0), prng.oneOf(rng, [1, 1 << 30, 0xffffffff])).write(encoder, 0);
          encoding.writeVarUint(encoder.restEncoder, 0);
          return updateFrame(encoder.toUint8Array());
        }
        case 1:
          // An item whose origin is itself, or a clock it has not reached.
          return updateFrame(craftItems([{ client, clock: 0, parent: 'objects', parentSub: null, origin: Y.createID(client, prng.uint32(rng, 0, 5)), content: new Y.ContentString('loop') }]));
        case 2:
          // An item under a parent item that does not exist.
          return updateFrame(craftItems([{ client, clock: 0, parent: Y.createID(randomClient(rng), prng.uint32(rng, 0, 1000)), parentSub: 'text', content: new Y.ContentAny(['orphan']) }]));
        case 3:
          // Hundreds of clients in one update.
          return updateFrame(craftItems(Array.from({ length: prng.uint32(rng, 100, 800) }, (_, index) => ({ client: client + index, clock: 0, parent: 'objects', parentSub: `n${index}`, content: new Y.ContentType(new Y.Map()) }))));
        case 4: {
          // A v2 update where v1 is spoken.
          const doc = new Y.Doc();
          insertObject(doc, { type: 'note', x: 0, y: 0, width: 10, height: 10, z: 0, frameId: null, color: 'yellow', text: 'v2' });
          return updateFrame(Y.encodeStateAsUpdateV2(doc));
        }
        default:
          // A Skip struct: a hole the encoder writes only inside merged updates.
          return updateFrame(
            frame((encoder) => {
              encoding.writeVarUint(encoder, 1);
              encoding.writeVarUint(encoder, 1);
              encoding.writeVarUint(encoder, client);
              encoding.writeVarUint(encoder, 0);
              encoding.writeUint8(encoder, 10);
              encoding.writeVarUint(encoder, prng.uint32(rng, 1, 1 << 20));
              encoding.writeVarUint(encoder, 0);
            }),
          );
      }
    },
  },
  {
    name: 'other message types',
    weight: 3,
    make: (rng) => frame((encoder) => {
      encoding.writeVarUint(encoder, prng.oneOf(rng, [MessageType.Auth, 4, 99, FIRST_EXTENSION_MESSAGE_TYPE, FIRST_EXTENSION_MESSAGE_TYPE + prng.uint32(rng, 0, 100), 0xffffffff, MAX_VARUINT]));
      encoding.writeUint8Array(encoder, prng.uint8Array(rng, prng.uint32(rng, 0, 40)));
    }),
  },
  { name: 'empty or text', weight: 1, make: (rng) => (prng.bool(rng) ? new Uint8Array(0) : prng.utf16String(rng, 20)) },
];

const TOTAL_WEIGHT = FRAME_KINDS.reduce((sum, kind) => sum + kind.weight, 0);

export function pickKind(rng: prng.PRNG): FrameKind {
  let draw = prng.uint32(rng, 0, TOTAL_WEIGHT - 1);
  for (const kind of FRAME_KINDS) {
    if (draw < kind.weight) return kind;
    draw -= kind.weight;
  }
  return FRAME_KINDS[0]!;
}

/**
 * Valid frames from a real editing session under one client id: notes
 * inserted, typed into, moved, deleted; plus sync step 1s and awareness.
 */
export function buildCorpus(): Corpus {
  const doc = new Y.Doc();
  doc.clientID = 4242;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const ids: string[] = [];
  for (let index = 0; index < 12; index += 1) {
    ids.push(insertObject(doc, { type: 'note', x: index * 220, y: 0, width: 200, height: 200, z: index, frameId: null, color: 'yellow', text: `corpus ${index}` }));
    getObjectText(doc.getMap('objects').get(ids[index]!))!.insert(0, 'typed ');
    (doc.getMap('objects').get(ids[index]!) as Y.Map<unknown>).set('x', index * 230);
  }
  deleteObjects(doc, ids.slice(0, 3));
  const frames = [
    ...updates.map((update, index) => syncFrame(index % 2 ? syncProtocol.messageYjsUpdate : syncProtocol.messageYjsSyncStep2, update)),
    syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())),
    syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(doc)),
    syncFrame(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(doc)),
    awarenessFrame([{ client: 4242, clock: 1, json: JSON.stringify({ user: { name: 'Corpus', color: '#aa00ff' }, cursor: { x: 1, y: 2 } }) }]),
    awarenessFrame([{ client: 4242, clock: 2, json: 'null' }]),
    Uint8Array.of(MessageType.QueryAwareness),
  ];
  return { updates, frames };
}
