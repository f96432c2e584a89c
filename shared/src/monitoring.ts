import { z } from 'zod';

/**
 * Equality monitoring and consent to be re-contacted (issue #11; routes in
 * docs/protocol.md, "Equality monitoring and contacts"; why they are stored
 * the way they are in docs/anonymity.md). Both are optional, both are kept
 * apart from everything said on the board and from each other: a
 * monitoring answer never carries a receipt, an answer id, a Yjs client id,
 * a contact or a time, and is stored only as counts.
 */

/**
 * The questions and their answers, each with "prefer not to say". Kept
 * short on purpose: a phone form that asks for more is a form people skip,
 * and every extra question makes small groups smaller. The wording of each
 * answer lives in the client's strings (`monitoring.<question>.<answer>`).
 */
export const MONITORING_QUESTIONS = {
  ageBand: ['under18', '18to24', '25to34', '35to49', '50to64', '65plus', 'preferNotToSay'],
  gender: ['woman', 'man', 'nonBinary', 'selfDescribe', 'preferNotToSay'],
  ethnicity: ['asian', 'black', 'mixed', 'white', 'arab', 'other', 'preferNotToSay'],
  disability: ['yes', 'no', 'preferNotToSay'],
} as const;
export type MonitoringQuestion = keyof typeof MONITORING_QUESTIONS;
export const MONITORING_QUESTION_IDS = Object.keys(MONITORING_QUESTIONS) as MonitoringQuestion[];

/** The answer every question falls back to when a participant leaves it blank. */
export const PREFER_NOT_TO_SAY = 'preferNotToSay';

/**
 * Body of `POST /api/boards/:id/monitoring` (participant token). Every
 * question is optional and a missing one counts as "prefer not to say", so
 * skipping a question never tells anyone more than declining it would.
 * Strict: a field that is not a question is an error, not stored.
 */
export const MonitoringAnswersSchema = z
  .object({
    ageBand: z.enum(MONITORING_QUESTIONS.ageBand).optional(),
    gender: z.enum(MONITORING_QUESTIONS.gender).optional(),
    ethnicity: z.enum(MONITORING_QUESTIONS.ethnicity).optional(),
    disability: z.enum(MONITORING_QUESTIONS.disability).optional(),
  })
  .strict();
export type MonitoringAnswers = z.infer<typeof MonitoringAnswersSchema>;

/** Every question answered, blanks as "prefer not to say": what is counted. */
export type CompleteMonitoringAnswers = { [Q in MonitoringQuestion]: (typeof MONITORING_QUESTIONS)[Q][number] };

export function completeMonitoringAnswers(answers: MonitoringAnswers): CompleteMonitoringAnswers {
  return {
    ageBand: answers.ageBand ?? PREFER_NOT_TO_SAY,
    gender: answers.gender ?? PREFER_NOT_TO_SAY,
    ethnicity: answers.ethnicity ?? PREFER_NOT_TO_SAY,
    disability: answers.disability ?? PREFER_NOT_TO_SAY,
  };
}

/** Longest contact detail: an email address or a phone number, with a word on when to call. */
export const MAX_CONTACT_LENGTH = 200;

/** Body of `POST /api/boards/:id/contact` (participant token): a contact detail the participant chose to give. */
export const ContactRequestSchema = z
  .object({
    contact: z
      .string({ error: (issue) => (issue.input === undefined ? 'contact is required' : 'contact must be text') })
      .trim()
      .min(1, 'contact must not be empty')
      .max(MAX_CONTACT_LENGTH, `contact must be at most ${MAX_CONTACT_LENGTH} characters`),
  })
  .strict();
export type ContactRequest = z.infer<typeof ContactRequestSchema>;

/**
 * Smallest group reported as a number. Smaller ones (0 included: "nobody"
 * and "one person" must look alike) are reported as `FEWER_THAN_SMALLEST`.
 */
export const SMALLEST_REPORTED_GROUP = 5;
export const FEWER_THAN_SMALLEST = 'fewer than 5';

/** A reported count: a number of at least SMALLEST_REPORTED_GROUP, or "fewer than 5". */
export const ReportedCountSchema = z.union([z.number().int().min(SMALLEST_REPORTED_GROUP), z.literal(FEWER_THAN_SMALLEST)]);
export type ReportedCount = z.infer<typeof ReportedCountSchema>;

/**
 * Response of `GET /api/boards/:id/monitoring` (facilitator). Counts only,
 * and only of responses released in groups of SMALLEST_REPORTED_GROUP
 * (`pending` says how many are waiting for their group to fill), so no
 * reading before and after one person's submission can tell what they
 * answered. Within a question, a small group is never the only one hidden:
 * the total would give it away, so the next smallest is hidden with it.
 */
export const MonitoringReportSchema = z.object({
  responses: ReportedCountSchema,
  /** Responses received but not yet counted: always fewer than SMALLEST_REPORTED_GROUP. */
  pending: z.number().int().min(0).max(SMALLEST_REPORTED_GROUP - 1),
  questions: z.record(z.string(), z.record(z.string(), ReportedCountSchema)),
});
export type MonitoringReport = z.infer<typeof MonitoringReportSchema>;

/** Response of `GET /api/boards/:id/contacts` (facilitator): the contacts, in no meaningful order. */
export const ContactListSchema = z.object({ contacts: z.array(z.string()) });
export type ContactList = z.infer<typeof ContactListSchema>;

/** Counts by question and answer, as stored (released counts). */
export type MonitoringCounts = Partial<Record<MonitoringQuestion, Record<string, number>>>;

/**
 * The report of released counts: every count under SMALLEST_REPORTED_GROUP
 * becomes "fewer than 5"; if that leaves exactly one hidden answer in a
 * question, the smallest shown one is hidden too (the responses total minus
 * the others would otherwise give the hidden one away). Pure, so the rule
 * is tested without a server.
 */
export function reportMonitoring(released: number, counts: MonitoringCounts, pending: number): MonitoringReport {
  const hideAll = released < SMALLEST_REPORTED_GROUP;
  const count = (question: MonitoringQuestion, answer: string) => counts[question]?.[answer] ?? 0;
  const questions: MonitoringReport['questions'] = {};
  for (const question of MONITORING_QUESTION_IDS) {
    const answers = MONITORING_QUESTIONS[question];
    const hidden = new Set<string>(answers.filter((answer) => hideAll || count(question, answer) < SMALLEST_REPORTED_GROUP));
    if (hidden.size === 1) {
      const shown = answers.filter((answer) => !hidden.has(answer)).sort((a, b) => count(question, a) - count(question, b));
      if (shown[0]) hidden.add(shown[0]);
    }
    questions[question] = Object.fromEntries(answers.map((answer) => [answer, hidden.has(answer) ? FEWER_THAN_SMALLEST : count(question, answer)]));
  }
  return { responses: hideAll ? FEWER_THAN_SMALLEST : released, pending, questions };
}
