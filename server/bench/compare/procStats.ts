import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime. */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system, every thread) a process has used so far, in ms. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15; fields[0] is field 3 (state).
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS;
}

/** Resident set size (VmRSS), MiB. */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** A window of a server's CPU use: start it, then read how much it used. */
export class CpuWindow {
  private readonly startMs: number;
  private readonly startWall = performance.now();

  constructor(private readonly pid: number) {
    this.startMs = cpuMs(pid);
  }

  /** CPU ms used since the start, and that as a share of one core (0..1 per core). */
  read(): { cpuMs: number; share: number; wallMs: number } {
    const used = cpuMs(this.pid) - this.startMs;
    const wallMs = performance.now() - this.startWall;
    return { cpuMs: used, share: used / wallMs, wallMs };
  }
}

/** The same for this process (the load generator), from process.cpuUsage. */
export class OwnCpuWindow {
  private readonly start = process.cpuUsage();
  private readonly startWall = performance.now();

  read(): { cpuMs: number; share: number } {
    const used = process.cpuUsage(this.start);
    const cpu = (used.user + used.system) / 1000;
    return { cpuMs: cpu, share: cpu / (performance.now() - this.startWall) };
  }
}

/** The machine's load averages, as /proc/loadavg has them. */
export function loadAverage(): string {
  return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/** Busy time (everything but idle and iowait) of one core so far, ms; the whole machine for core = null. */
export function coreBusyMs(core: number | null): number {
  const label = core === null ? 'cpu' : `cpu${core}`;
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n').find((entry) => entry.startsWith(`${label} `));
  if (!line) return NaN;
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number) as number[];
  return (((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 1000) / CLOCK_TICKS;
}

/**
 * How busy a core was with everything *but* the processes we measure: other
 * people's work on a shared machine, which makes a run noisy. A share of
 * one core; `own` is the CPU ms our processes used on it in the window.
 */
export class ForeignLoadWindow {
  private readonly start: number;
  private readonly startWall = performance.now();

  constructor(private readonly core: number | null) {
    this.start = coreBusyMs(core);
  }

  read(ownMs: number): number {
    const busy = coreBusyMs(this.core) - this.start;
    return Math.max(0, busy - ownMs) / (performance.now() - this.startWall);
  }
}

/** RSS by what is mapped (a shared library, the node binary, anonymous memory), MiB, largest first, from /proc/<pid>/smaps. */
export function rssByMapping(pid: number, top = 8): Array<{ mapping: string; mib: number }> {
  const totals = new Map<string, number>();
  let current = '[anonymous]';
  for (const line of fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      const name = header[1]!.trim();
      current = name === '' ? '[anonymous]' : name.startsWith('[') ? name : name.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '');
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) totals.set(current, (totals.get(current) ?? 0) + Number(rss[1]) / 1024);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, top).map(([mapping, mib]) => ({ mapping, mib }));
}
