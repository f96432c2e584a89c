/**
 * Counts of the chaos suites come from the environment, so the test command
 * runs a bounded default and `pnpm bench:chaos` the same suites larger.
 */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name}=${JSON.stringify(raw)}: expected a whole number`);
  return value;
}

/** Prints rows as an aligned text table, the way the benches print theirs. */
export function printTable(title: string, rows: Array<Record<string, string | number>>): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const cells = [columns, ...rows.map((row) => columns.map((column) => String(row[column] ?? '')))];
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => line[index]!.length)));
  const lines = cells.map((line) => line.map((cell, index) => cell.padStart(widths[index]!)).join('  '));
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  console.log(`\n${title}\n${lines.join('\n')}\n`);
}

/**
 * Limits raised for the suites: they test what survives faults and hostile
 * frames, not the rate limits and quotas (tests of their own cover those),
 * and a throttled attacker would send far fewer frames.
 */
export const RAISED_LIMITS: Record<string, string> = {
  RATE_MESSAGES_PER_SECOND: '1000000',
  RATE_MESSAGES_BURST: '10000000',
  RATE_FULL_READS_PER_MINUTE: '1000000',
  RATE_FULL_READS_BURST: '1000000',
  RATE_UPDATES_PER_SECOND: '1000000',
  RATE_UPDATES_BURST: '10000000',
  MAX_CONNECTIONS_PER_ADDRESS: '1000000',
  RATE_API_PER_MINUTE: '10000000',
  RATE_CREATE_BOARDS_PER_MINUTE: '1000000',
  RATE_ANSWERS_PER_MINUTE: '1000000',
  RATE_BALLOTS_PER_MINUTE: '1000000',
  RATE_RECEIPTS_PER_MINUTE: '1000000',
  RATE_ANONYMOUS_NOTES_PER_MINUTE: '1000000',
  RATE_LINKS_PER_MINUTE: '1000000',
  RATE_EXPORTS_PER_MINUTE: '1000000',
  MAX_ANSWERS_PER_ROUND: '100000',
  MAX_ANONYMOUS_NOTES_PER_BOARD: '100000',
};
