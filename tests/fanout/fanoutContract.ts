import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Fanout, FanoutMessage } from '@clapboard/server';
import { waitFor } from '../support/waitFor.ts';

type Listener = Parameters<Fanout['subscribe']>[1];

export interface FanoutInstances {
  /** Connected instances sharing one transport, as separate server processes would hold them. */
  instances: Fanout[];
  /** Releases the shared transport; called after every instance is closed. */
  close?: () => Promise<void>;
}

/**
 * The one contract every Fanout implementation must meet (see the doc
 * comments in server/src/fanout/Fanout.ts). Each implementation's test file
 * calls this with a factory for `count` instances on one transport.
 *
 * Delivery may be asynchronous, so every test waits with waitFor. To show
 * that something was *not* delivered without sleeping, a test waits for a
 * later message on the same path (a barrier): a transport delivers one
 * publisher's messages in order, so once the barrier has arrived, an
 * earlier message that was going to arrive would have.
 */
export function fanoutContract(name: string, open: (count: number) => Promise<FanoutInstances>): void {
  describe(`Fanout contract: ${name}`, () => {
    let opened: FanoutInstances | undefined;
    const connect = async (count: number) => {
      opened = await open(count);
      expect(opened.instances).toHaveLength(count);
      return opened.instances;
    };
    afterEach(async () => {
      if (!opened) return;
      // Closing twice resolves (the contract says so), so tests may close their own.
      await Promise.all(opened.instances.map((instance) => instance.close()));
      await opened.close?.();
      opened = undefined;
    });

    /** Fresh names per test, so a transport shared between tests (one Redis) leaks nothing between them. */
    const roomName = () => `room-${randomUUID()}`;
    const bytes = (...values: number[]) => new Uint8Array(values);
    const update = (...values: number[]): FanoutMessage => ({ kind: 'update', update: bytes(...values) });
    /** A listener that records what it receives, as plain values. */
    const recorder = () => {
      const received: Array<{ kind: string; bytes: number[] }> = [];
      const listener: Listener = (message) => received.push({ kind: message.kind, bytes: [...message.update] });
      return { received, listener };
    };
    const plain = (message: FanoutMessage) => ({ kind: message.kind, bytes: [...message.update] });

    it('delivers to every other subscribed instance once, and never back to the publisher', async () => {
      const room = roomName();
      const instances = await connect(4);
      const recorders = instances.map(() => recorder());
      await Promise.all(instances.map((instance, index) => instance.subscribe(room, recorders[index]!.listener)));

      const first = update(1);
      await instances[0]!.publish(room, first);
      await waitFor(() => recorders.slice(1).forEach(({ received }) => expect(received).toEqual([plain(first)])));
      // Barrier for the publisher's own subscription: its echo would come before this.
      const answer: FanoutMessage = { kind: 'awareness', update: bytes(2) };
      await instances[1]!.publish(room, answer);
      await waitFor(() => expect(recorders[0]!.received).toEqual([plain(answer)]));
      // And for the others: a duplicate of `first` would come before this.
      const last = update(3);
      await instances[0]!.publish(room, last);
      await waitFor(() => expect(recorders[1]!.received).toEqual([plain(first), plain(last)]));
      // Order between publishers is not promised; each message once is.
      const byFirstByte = (received: Array<{ bytes: number[] }>) => [...received].sort((a, b) => a.bytes[0]! - b.bytes[0]!);
      for (const { received } of recorders.slice(2)) {
        await waitFor(() => expect(byFirstByte(received)).toEqual([plain(first), plain(answer), plain(last)]));
      }
      expect(recorders[0]!.received).toEqual([plain(answer)]);
    });

    it('a listener that throws fails alone: the publisher and the other listeners carry on', async () => {
      const room = roomName();
      const [publisher, broken, healthy] = await connect(3);
      const good = recorder();
      await broken!.subscribe(room, () => {
        throw new Error('listener failure');
      });
      await healthy!.subscribe(room, good.listener);
      await publisher!.publish(room, update(7));
      await publisher!.publish(room, update(8));
      await waitFor(() => expect(good.received).toEqual([plain(update(7)), plain(update(8))]));
    });

    it('delivers nothing across rooms, even to a room whose name extends another', async () => {
      const room = roomName();
      const longer = `${room}-2`;
      const [publisher, receiver] = await connect(2);
      const inRoom = recorder();
      const inLonger = recorder();
      await receiver!.subscribe(room, inRoom.listener);
      await receiver!.subscribe(longer, inLonger.listener);

      await publisher!.publish(longer, update(9));
      await publisher!.publish(`${room}-unsubscribed`, update(8));
      await publisher!.publish(room, update(1));
      await waitFor(() => expect(inRoom.received).toEqual([plain(update(1))]));
      await waitFor(() => expect(inLonger.received).toEqual([plain(update(9))]));
      await publisher!.publish(longer, update(2));
      await waitFor(() => expect(inLonger.received).toEqual([plain(update(9)), plain(update(2))]));
      expect(inRoom.received).toEqual([plain(update(1))]);
    });

    it("keeps each publisher's order over many messages, published without waiting", async () => {
      const room = roomName();
      const [left, right, receiver] = await connect(3);
      const { received, listener } = recorder();
      await receiver!.subscribe(room, listener);
      const count = 500;
      // Two bytes per index, so 500 distinct messages per publisher.
      const message = (publisher: number, index: number) => update(publisher, index >> 8, index & 0xff);
      const publishes: Promise<void>[] = [];
      for (let index = 0; index < count; index += 1) {
        publishes.push(left!.publish(room, message(1, index)), right!.publish(room, message(2, index)));
      }
      await Promise.all(publishes);
      await waitFor(() => expect(received).toHaveLength(2 * count));
      for (const publisher of [1, 2]) {
        const theirs = received.filter((entry) => entry.bytes[0] === publisher).map((entry) => (entry.bytes[1]! << 8) | entry.bytes[2]!);
        expect(theirs).toEqual(Array.from({ length: count }, (_, index) => index));
      }
    });

    it('delivers a message published right after subscribe resolved, in every fresh room', async () => {
      const [publisher, receiver] = await connect(2);
      // Many rooms, each subscribed and published to at once: a gap between
      // "subscribed" and "receiving" shows as a room that never gets its message.
      const rooms = Array.from({ length: 25 }, () => roomName());
      const recorders = rooms.map(() => recorder());
      await Promise.all(
        rooms.map(async (room, index) => {
          await receiver!.subscribe(room, recorders[index]!.listener);
          await publisher!.publish(room, update(index));
        }),
      );
      await waitFor(() => recorders.forEach(({ received }, index) => expect(received).toEqual([plain(update(index))])));
    });

    it('delivers nothing to a subscription after its unsubscribe resolved; other subscriptions carry on', async () => {
      const room = roomName();
      const [publisher, receiver] = await connect(2);
      const leaving = recorder();
      const staying = recorder();
      const subscription = await receiver!.subscribe(room, leaving.listener);
      await receiver!.subscribe(room, staying.listener);

      await publisher!.publish(room, update(1));
      await waitFor(() => expect(leaving.received).toEqual([plain(update(1))]));
      await subscription.unsubscribe();
      await publisher!.publish(room, update(2));
      await publisher!.publish(room, update(3));
      // Barrier: the staying subscription, in the same instance, has had both.
      await waitFor(() => expect(staying.received).toEqual([plain(update(1)), plain(update(2)), plain(update(3))]));
      expect(leaving.received).toEqual([plain(update(1))]);
      // Unsubscribing again changes nothing and resolves.
      await subscription.unsubscribe();
      await publisher!.publish(room, update(4));
      await waitFor(() => expect(staying.received).toHaveLength(4));
      expect(leaving.received).toEqual([plain(update(1))]);
    });

    it('delivers to every subscription an instance holds for one room, each once', async () => {
      const room = roomName();
      const [publisher, receiver] = await connect(2);
      const recorders = [recorder(), recorder(), recorder()];
      for (const { listener } of recorders) await receiver!.subscribe(room, listener);
      await publisher!.publish(room, update(1));
      await publisher!.publish(room, update(2));
      await waitFor(() => recorders.forEach(({ received }) => expect(received).toEqual([plain(update(1)), plain(update(2))])));
    });

    it('after close, delivers nothing to the closed instance and refuses publish and subscribe', async () => {
      const room = roomName();
      const [publisher, closing, witness] = await connect(3);
      const closed = recorder();
      const open = recorder();
      const subscription = await closing!.subscribe(room, closed.listener);
      await witness!.subscribe(room, open.listener);
      await publisher!.publish(room, update(1));
      await waitFor(() => expect(closed.received).toHaveLength(1));

      await closing!.close();
      await publisher!.publish(room, update(2));
      await publisher!.publish(room, update(3));
      // Barrier: an instance still open has had both.
      await waitFor(() => expect(open.received).toEqual([plain(update(1)), plain(update(2)), plain(update(3))]));
      expect(closed.received).toEqual([plain(update(1))]);

      await expect(closing!.publish(room, update(4))).rejects.toThrow();
      await expect(closing!.subscribe(room, () => {})).rejects.toThrow();
      // Both resolve: nothing is left to end.
      await subscription.unsubscribe();
      await closing!.close();
    });

    it('delivers the exact bytes published, each receiver its own copy', async () => {
      const room = roomName();
      const [publisher, first, second] = await connect(3);
      const got: Record<'first' | 'second', FanoutMessage[]> = { first: [], second: [] };
      await first!.subscribe(room, (message) => got.first.push(message));
      await second!.subscribe(room, (message) => got.second.push(message));

      // Every byte value (a transport that goes through text would mangle some),
      // published as a view into the middle of a larger buffer.
      const every = Array.from({ length: 256 }, (_, value) => value);
      const backing = new Uint8Array(300).fill(0xee);
      backing.set(every, 20);
      const published = backing.subarray(20, 20 + 256);
      await publisher!.publish(room, { kind: 'update', update: published });
      await publisher!.publish(room, { kind: 'update', update: new Uint8Array(0) });
      await waitFor(() => expect(got.first).toHaveLength(2));
      await waitFor(() => expect(got.second).toHaveLength(2));
      for (const [message] of [got.first, got.second]) {
        expect(message!.kind).toBe('update');
        expect(message!.update).toBeInstanceOf(Uint8Array);
        expect([...message!.update]).toEqual(every);
      }
      expect(got.first[1]!.update.byteLength).toBe(0);

      // Once publish() resolved the publisher may reuse its buffer; a receiver may change what it got.
      backing.fill(0);
      got.first[0]!.update.fill(1);
      expect([...got.second[0]!.update]).toEqual(every);
      expect([...published]).toEqual(new Array(256).fill(0));
    });
  });
}
