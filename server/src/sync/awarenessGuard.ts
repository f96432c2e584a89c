import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { AwarenessStateSchema, CloseCode, MAX_AWARENESS_STATE_BYTES, type Role } from '@clapboard/shared';
import { ProtocolError } from './ProtocolError.ts';

export interface AwarenessClaimant {
  /** The client id this connection's awareness is bound to, once it sent any. */
  clientId: number | null;
  role: Role;
  /** Added to the clocks of this connection's own entries (see AwarenessVerdict.clockOffset). */
  clockOffset: number;
}

export interface AwarenessView {
  /** Clock the server holds for a client id, if any (y-protocols keeps it after the state is removed). */
  clockOf(clientId: number): number | undefined;
  /** Whether the server currently shows a state for this client id. */
  hasState(clientId: number): boolean;
  /** Whether another live connection speaks for this client id. */
  ownedByAnother(clientId: number): boolean;
}

export interface AwarenessVerdict {
  /** The connection's own entries, re-encoded: the only part applied and relayed. */
  update: Uint8Array | null;
  /** Client id to bind an unbound connection to. */
  bind: number | null;
  /**
   * The connection's clock offset from now on. A person returning after a
   * network blip resends their state at the clock everyone last saw, which
   * was then removed at that same clock; y-protocols everywhere ignores a
   * state that is not newer, so they stayed invisible until their renewal.
   * Their clocks are therefore shifted past the last one seen, for as long
   * as this connection lives.
   */
  clockOffset: number;
}

/**
 * Fields an observer's presence never carries to anyone: a council observer
 * must not visibly point at, or select, what people write.
 */
const OBSERVER_HIDDEN_FIELDS = ['cursor', 'selection', 'editing'] as const;

interface Entry {
  clientId: number;
  clock: number;
  json: string;
}

/**
 * Checks an awareness update before anything of it is applied.
 *
 * The stock y-websocket client forwards every awareness change it sees,
 * including other people's states it just received from us, so entries for
 * other client ids are normal and are dropped without relaying them. What is
 * refused (closing the connection) is a connection bound to one id sending a
 * newer, non-empty state for another id: that can only be impersonation.
 * A connection's own state must match AwarenessStateSchema, carry its real
 * role if any, and only facilitators may summon.
 *
 * An unbound connection claiming an id another connection owns is dropped,
 * not closed: that is usually the same person reconnecting before their old
 * connection timed out, and their renewal 15 s later binds them. An id whose
 * connection has gone may be bound again by a state at least as new as the
 * last one seen (the same person after a network blip).
 */
export function checkAwarenessUpdate(payload: Uint8Array, claimant: AwarenessClaimant, view: AwarenessView): AwarenessVerdict {
  const entries = decodeEntries(payload);
  let bind: number | null = null;
  let clockOffset = claimant.clockOffset;
  const own: Entry[] = [];
  for (const entry of entries) {
    const current: number | null = bind ?? claimant.clientId;
    const seenClock = view.clockOf(entry.clientId);
    const returning = seenClock !== undefined && !view.hasState(entry.clientId) && entry.clock >= seenClock;
    const mayBind = current === null && entry.json !== 'null' && !view.ownedByAnother(entry.clientId) && (seenClock === undefined || returning);
    if (entry.clientId === current || mayBind) {
      if (current === null) {
        bind = entry.clientId;
        if (returning) clockOffset = seenClock + 1 - entry.clock;
      }
      own.push({ clientId: entry.clientId, clock: entry.clock + clockOffset, json: validateOwnState(entry, claimant.role) });
      continue;
    }
    const isEcho = entry.json === 'null' || entry.clock <= (view.clockOf(entry.clientId) ?? -1);
    if (!isEcho && current !== null) {
      throw new ProtocolError(CloseCode.AwarenessForged, 'newer state for a client id this connection does not own');
    }
  }
  return { update: own.length > 0 ? encodeEntries(own) : null, bind, clockOffset };
}

/** Validates a connection's own state; returns the JSON to apply (an observer's without its pointing fields). */
function validateOwnState(entry: Entry, role: Role): string {
  if (entry.json.length > MAX_AWARENESS_STATE_BYTES) throw new ProtocolError(CloseCode.AwarenessInvalid, 'state too large');
  let state: unknown;
  try {
    state = JSON.parse(entry.json);
  } catch {
    throw new ProtocolError(CloseCode.AwarenessInvalid, 'state is not JSON');
  }
  if (state === null) return entry.json;
  const parsed = AwarenessStateSchema.safeParse(state);
  if (!parsed.success) throw new ProtocolError(CloseCode.AwarenessInvalid, parsed.error.issues[0]?.message);
  if (parsed.data.role !== undefined && parsed.data.role !== role) {
    throw new ProtocolError(CloseCode.AwarenessForged, 'role does not match the connection');
  }
  if (parsed.data.summon && role !== 'facilitator') throw new ProtocolError(CloseCode.AwarenessForged, 'only facilitators may summon');
  if (role !== 'observer' || !OBSERVER_HIDDEN_FIELDS.some((field) => parsed.data[field] !== undefined)) return entry.json;
  const visible: Record<string, unknown> = { ...parsed.data };
  for (const field of OBSERVER_HIDDEN_FIELDS) delete visible[field];
  return JSON.stringify(visible);
}

/** Awareness updates are: count, then (clientId, clock, JSON state) per entry (y-protocols/awareness). */
function decodeEntries(payload: Uint8Array): Entry[] {
  const decoder = decoding.createDecoder(payload);
  const count = decoding.readVarUint(decoder);
  // Each entry takes at least 3 bytes; a larger count is a lie that would make us loop.
  if (count > payload.length) throw new ProtocolError(CloseCode.MalformedMessage, 'awareness entry count');
  const entries: Entry[] = [];
  for (let index = 0; index < count; index += 1) {
    entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), json: decoding.readVarString(decoder) });
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError(CloseCode.MalformedMessage, 'trailing bytes in awareness update');
  return entries;
}

function encodeEntries(entries: Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}
