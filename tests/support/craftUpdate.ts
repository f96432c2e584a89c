import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export interface CraftedItem {
  client: number;
  clock: number;
  /** A root name or a parent item's id; leave out to inherit the parent from an origin. */
  parent?: string | Y.ID;
  parentSub?: string;
  origin?: Y.ID;
  rightOrigin?: Y.ID;
  /** One JSON value per clock. */
  content: unknown[];
}

/**
 * A v1 update holding exactly these items (each block: one client's run of
 * contiguous clocks) and no deletions — for updates no Yjs client would make.
 */
export function craftUpdate(blocks: CraftedItem[][]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, blocks.length);
  for (const block of blocks) {
    encoding.writeVarUint(encoder.restEncoder, block.length);
    encoder.writeClient(block[0]!.client);
    encoding.writeVarUint(encoder.restEncoder, block[0]!.clock);
    for (const spec of block) {
      const item = new Y.Item(
        Y.createID(spec.client, spec.clock),
        null,
        spec.origin ?? null,
        null,
        spec.rightOrigin ?? null,
        // Item.write encodes a string parent as a root name and an ID as a parent id.
        (spec.parent ?? null) as unknown as Y.AbstractType<unknown> | Y.ID | null,
        spec.parentSub ?? null,
        new Y.ContentAny(spec.content),
      );
      item.write(encoder, 0);
    }
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

/** A v1 update holding one garbage-collected range under `client` — what no honest client sends for someone else. */
export function craftGcUpdate(client: number, clock: number, length: number): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoder.writeClient(client);
  encoding.writeVarUint(encoder.restEncoder, clock);
  new Y.GC(Y.createID(client, clock), length).write(encoder, 0);
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

/**
 * Maps nested `depth` deep under `objects`, as one update: the first half of
 * the nesting attack (the second touches every level). Built by hand so the
 * test does not pay Yjs's own quadratic cost of making it.
 */
export function craftNestedMaps(client: number, depth: number): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoding.writeVarUint(encoder.restEncoder, depth);
  encoder.writeClient(client);
  encoding.writeVarUint(encoder.restEncoder, 0);
  for (let level = 0; level < depth; level += 1) {
    const parent = level === 0 ? 'objects' : Y.createID(client, level - 1);
    const item = new Y.Item(Y.createID(client, level), null, null, null, null, parent as unknown as Y.AbstractType<unknown>, `k${level}`, new Y.ContentType(new Y.Map()));
    item.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}
