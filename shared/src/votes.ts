import * as Y from 'yjs';
import { z } from 'zod';
import { center, rectContainsPoint } from './geometry/rect.ts';
import { ObjectIdSchema } from './ids.ts';
import { CONTROL_ROOTS } from './model/controlDoc.ts';
import type { BoardObject } from './model/records/index.ts';

/**
 * Anonymous dot votes: the HTTP bodies, the server-written `votes` root of
 * the control document, and its reader. Routes: docs/protocol.md ("Votes");
 * why it is built this way: docs/anonymity.md ("Votes").
 *
 * A ballot never passes through its author's Y.Doc, for the same reason as
 * an answer: every item a Y.Doc writes carries its Yjs client id. The
 * browser sends its choices over HTTP with a ballot it made up; the server
 * keeps only a hash of the ballot (to refuse it a second time) and adds the
 * choices to per-target counts. No stored record holds a ballot next to its
 * choices.
 */

declare module './origins.ts' {
  interface ServerWriteReasons {
    /** A vote's public record in the control document: opened, and its counts once closed. */
    vote: true;
  }
}

/** Vote ids: random, URL-safe (`randomId(16)`). */
export const VoteIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,32}$/, 'vote id must be 16-32 URL-safe characters');

/** Most objects one vote can be over: a wall of notes, not a whole board. */
export const MAX_VOTE_TARGETS = 200;
/** Most dots one person can place in one vote. */
export const MAX_DOTS_PER_PERSON = 20;
/** Most one-time voting codes one vote can issue (a large citizens' panel). */
export const MAX_VOTING_CODES = 500;

/**
 * Who may vote:
 * - `anyone`: anyone holding the participant link. The ballot is a secret
 *   the browser makes; the server refuses the same ballot twice, so one
 *   browser votes once. Someone who clears their browser can vote again.
 * - `codes`: only holders of a one-time code the facilitator handed out.
 *   The code buys a blind signature (RFC 9474) on a ballot the server never
 *   sees until it is cast, so even the server cannot tie a code to a choice.
 */
export const VOTE_ACCESS = ['anyone', 'codes'] as const;
export const VoteAccessSchema = z.enum(VOTE_ACCESS);
export type VoteAccess = z.infer<typeof VoteAccessSchema>;

/** Body of `POST /api/boards/:id/votes` (facilitator). */
export const CreateVoteRequestSchema = z
  .object({
    /**
     * The objects to vote on: their ids, or one frame's id, meaning the
     * notes and answer cards inside that frame when the vote opens.
     */
    targets: z.union([z.array(ObjectIdSchema).min(1, 'targets must not be empty').max(MAX_VOTE_TARGETS, `at most ${MAX_VOTE_TARGETS} targets`), ObjectIdSchema]),
    /** Dots per person; each dot goes on a different target. */
    perPerson: z.number().int().min(1).max(MAX_DOTS_PER_PERSON),
    /** Issue this many one-time voting codes: only their holders can vote (access `codes`). */
    codes: z.number().int().min(1).max(MAX_VOTING_CODES).optional(),
  })
  .strict();
export type CreateVoteRequest = z.infer<typeof CreateVoteRequestSchema>;

/** `201` answer of `POST /api/boards/:id/votes`. The codes are shown this once: the server keeps only their hashes. */
export const CreateVoteResponseSchema = z.object({ voteId: VoteIdSchema, codes: z.array(z.string()).optional() });
export type CreateVoteResponse = z.infer<typeof CreateVoteResponseSchema>;

/** 32 to 128 base64url characters (at least 192 bits). */
const base64url = (name: string, max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, `${name} must be base64url`)
    .min(32, `${name} is too short`)
    .max(max, `${name} is too long`);

/** A ballot: 32 random bytes a browser makes, base64url (RFC 9474's prepared message, for `codes` votes). */
export const BallotSchema = base64url('ballot', 128);
/** An RSA-2048 signature or blinded message, base64url (342 characters), with room for 4096-bit keys. */
const RsaBlobSchema = base64url('value', 700);

/** Body of `POST /api/boards/:id/votes/:voteId/ballots` (participant). */
export const CastBallotRequestSchema = z
  .object({
    ballot: BallotSchema,
    /** For `codes` votes: the unblinded signature on `ballot` that a voting code bought. */
    signature: RsaBlobSchema.optional(),
    /** Distinct targets of the vote, at most `perPerson` of them. */
    choices: z
      .array(ObjectIdSchema)
      .min(1, 'choose at least one')
      .max(MAX_DOTS_PER_PERSON)
      .refine((choices) => new Set(choices).size === choices.length, 'each choice must be a different target'),
  })
  .strict();
export type CastBallotRequest = z.infer<typeof CastBallotRequestSchema>;

/** `201` answer of a ballot: sent only once it is durably counted. */
export const CastBallotResponseSchema = z.object({ counted: z.literal(true) });

/** A one-time voting code as printed: 12 characters of Crockford base32 in groups of four, case and dashes ignored. */
export const VotingCodeSchema = z
  .string()
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{12}$/, 'a voting code is 12 letters and digits'));

/** Body of `POST /api/boards/:id/votes/:voteId/tokens`: a code, spent to have a blinded ballot signed. */
export const RedeemCodeRequestSchema = z.object({ code: VotingCodeSchema, blindedBallot: RsaBlobSchema }).strict();
export type RedeemCodeRequest = z.input<typeof RedeemCodeRequestSchema>;

/** `201` answer: the blind signature, for the browser to unblind. */
export const RedeemCodeResponseSchema = z.object({ blindSignature: RsaBlobSchema });
export type RedeemCodeResponse = z.infer<typeof RedeemCodeResponseSchema>;

export const VOTE_STATES = ['open', 'closed'] as const;
export const VoteStateSchema = z.enum(VOTE_STATES);
export type VoteState = z.infer<typeof VoteStateSchema>;

/**
 * `GET /api/boards/:id/votes/:voteId`, and what `votes.<voteId>` in the
 * control document holds. `ballots` and `counts` are null until the vote
 * closes: a live tally would show which notes the person who just put down
 * their phone chose.
 */
export const VoteRecordSchema = z.object({
  state: VoteStateSchema,
  access: VoteAccessSchema,
  perPerson: z.number().int().min(1).max(MAX_DOTS_PER_PERSON),
  targets: z.array(ObjectIdSchema).max(MAX_VOTE_TARGETS),
  /** For `codes` votes: the RSA public key ballots are signed with (SPKI, base64url). */
  publicKey: z.string().nullable(),
  ballots: z.number().int().nonnegative().nullable(),
  /** Dots per target, every target present, once closed. */
  counts: z.record(ObjectIdSchema, z.number().int().nonnegative()).nullable(),
});
export type VoteRecord = z.infer<typeof VoteRecordSchema>;

export function getVotesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTROL_ROOTS.votes);
}

/** A vote's public record from the control document, or null when absent or not valid. */
export function readVote(controlDoc: Y.Doc, voteId: string): VoteRecord | null {
  const entry = getVotesMap(controlDoc).get(voteId);
  const parsed = VoteRecordSchema.safeParse(entry instanceof Y.Map ? entry.toJSON() : null);
  return parsed.success ? parsed.data : null;
}

/** Every valid vote on the board, by id. */
export function readVotes(controlDoc: Y.Doc): Array<{ id: string; vote: VoteRecord }> {
  const out: Array<{ id: string; vote: VoteRecord }> = [];
  for (const id of getVotesMap(controlDoc).keys()) {
    const vote = readVote(controlDoc, id);
    if (vote) out.push({ id, vote });
  }
  return out;
}

/** Object types one can vote on: what people wrote, not shapes, lines or frames. */
const VOTABLE_TYPES: ReadonlySet<BoardObject['type']> = new Set(['note', 'answer', 'text']);

/**
 * What a vote over a frame is over: the notes, answer cards and texts whose
 * centre lies in the frame when the vote opens, sorted by id. Null when the
 * frame does not exist.
 */
export function voteTargetsInFrame(objects: readonly BoardObject[], frameId: string): string[] | null {
  const frame = objects.find((object) => object.id === frameId && object.type === 'frame');
  if (!frame || frame.type !== 'frame') return null;
  return objects
    .filter((object) => VOTABLE_TYPES.has(object.type) && object.type !== 'connector' && rectContainsPoint(frame, center(object)))
    .map((object) => object.id)
    .sort();
}
