/**
 * Knobs of the side-by-side benchmark (issue #13), all from the environment
 * so the default run stays under ~15 minutes and the long soak is
 * one variable away.
 */
const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name}=${raw}: expected a non-negative number`);
  return value;
};

export const settings = {
  /** Runs per scenario and server; the tables show the median of the runs kept. */
  runs: Math.max(1, Math.round(num('COMPARE_RUNS', 3))),
  /** Loaded 10,000-note boards in the memory scenario. */
  boards: Math.max(1, Math.round(num('COMPARE_K', 3))),
  /** Length of the soak; the 10 minutes is COMPARE_SOAK_SECONDS=600. */
  soakSeconds: num('COMPARE_SOAK_SECONDS', 60),
  /**
   * Scales every sender's rate in scenarios 1, 2 and 6 (1 = the issue's
   * rates). On a machine where a server cannot keep up with the load
   * at all, a fraction shows latency where it is still finite.
   */
  rateScale: num('COMPARE_RATE_SCALE', 1),
  /** Warm-up and measured window of each steady-load run. */
  warmupSeconds: num('COMPARE_WARMUP_SECONDS', 2),
  measureSeconds: num('COMPARE_MEASURE_SECONDS', 8),
  /** The same, per step of the capacity search. */
  stepWarmupSeconds: num('COMPARE_STEP_WARMUP_SECONDS', 1),
  stepSeconds: num('COMPARE_STEP_SECONDS', 4),
  /** Notes on the board of the join and memory scenarios. */
  notes: Math.max(1000, Math.round(num('COMPARE_NOTES', 10_000))),
  /** Joins timed per variant and run (median). */
  joins: Math.max(1, Math.round(num('COMPARE_JOINS', 5))),
  /** Which scenarios to run: comma-separated numbers 1-6, default all. */
  scenarios: new Set((process.env.COMPARE_SCENARIOS ?? '1,2,3,4,5,6').split(',').map((part) => Number(part.trim()))),
  /** A run whose load generator used more than this share of its core is thrown out. */
  generatorCpuLimit: num('COMPARE_GENERATOR_CPU_LIMIT', 0.9),
  /** p99 bound of the capacity search, ms. */
  capacityP99Ms: num('COMPARE_CAPACITY_P99_MS', 20),
  /** Before each run, wait up to this long for the machine's other processes to quiet down… */
  quietWaitSeconds: num('COMPARE_QUIET_WAIT_SECONDS', 3),
  /** …to below this share of its busiest core. */
  quietBelow: num('COMPARE_QUIET_BELOW', 0.25),
  /** Where the markdown goes (relative to the repository root). */
  docPath: process.env.COMPARE_DOC ?? 'docs/benchmarks-compare.md',
};

/**
 * Clapboard's limits, raised so the benchmark measures the server and not its
 * rate limiting (server/src/config.ts). Durability stays as shipped: SQLite
 * synchronous=FULL unless the caller's environment says otherwise.
 */
export const clapboardBenchEnv: Record<string, string> = {
  LOG_LEVEL: 'warn',
  RATE_MESSAGES_PER_SECOND: '1000000',
  RATE_MESSAGES_BURST: '10000000',
  RATE_UPDATES_PER_SECOND: '1000000',
  RATE_UPDATES_BURST: '10000000',
  RATE_FULL_READS_PER_MINUTE: '1000000',
  RATE_FULL_READS_BURST: '1000000',
  MAX_CONNECTIONS_PER_BOARD: '100000',
  MAX_PRESENCE_PER_BOARD: '100000',
  MAX_CONNECTIONS_PER_ADDRESS: '1000000',
  RATE_CREATE_BOARDS_PER_MINUTE: '1000000',
  RATE_LINKS_PER_MINUTE: '1000000',
  RATE_API_PER_MINUTE: '10000000',
  // A board stays loaded for the whole of a run unless a scenario says otherwise.
  ROOM_IDLE_MS: '600000',
};
