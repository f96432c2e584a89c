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
