import fs from 'node:fs';
import path from 'node:path';

/**
 * Readers for what `node --cpu-prof` and `--heapsnapshot-signal` write, so the
 * profile findings in docs/benchmarks-compare.md come from the files and not
 * from a DevTools screenshot.
 */

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

export interface CpuSummary {
  /** Sampled ms in the window, idle excluded. */
  busyMs: number;
  /** Sampled ms over the whole profile, idle excluded. */
  totalBusyMs: number;
  /** Share of [fromUs, toUs] that the profile covers (a thread that ended or started inside the window covers less). */
  coverage: number;
  idleShare: number;
  functions: SelfTime[];
  /** Self time by where the code lives: server/src/<dir>, a package, node internals, GC. */
  areas: SelfTime[];
}

/** A repository-relative or package-relative name for a script URL. */
export function codeLocation(url: string): string {
  if (url === '') return '(native/V8)';
  const file = url.replace(/^file:\/\//, '');
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(file) ?? /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(file);
  if (pnpm) return `${pnpm[1]}/${pnpm[2]}`;
  const repo = /\/(server|shared)\/(src|bench)\/(.*)$/.exec(file);
  if (repo) return `${repo[1]}/${repo[2]}/${repo[3]}`;
  if (file.startsWith('node:')) return file;
  return path.basename(file);
}

function areaOf(url: string, functionName: string): string {
  if (functionName === '(garbage collector)') return 'V8 garbage collector';
  if (functionName === '(program)') return '(program: V8/native outside JS)';
  if (url === '') return 'native code called from JS';
  const location = codeLocation(url);
  const own = /^(server|shared)\/src\/([^/]+)\//.exec(location);
  if (own) return `${own[1]}/src/${own[2]}/`;
  if (/^(server|shared)\/src\//.test(location)) return location;
  if (location.startsWith('node:')) return 'Node internals (node:*)';
  const pkg = /^((?:@[^/]+\/)?[^/]+)\//.exec(location);
  return pkg ? `package ${pkg[1]}` : location;
}

/** Self time per function (and per area) of the samples between `fromUs` and `toUs` (CLOCK_MONOTONIC µs). */
export function summariseCpuProfile(file: string, fromUs = -Infinity, toUs = Infinity, top = 20): CpuSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  let time = profile.startTime;
  let busy = 0;
  let idle = 0;
  let totalBusy = 0;
  for (let index = 0; index < profile.samples.length; index += 1) {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    const node = byId.get(profile.samples[index]!);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName !== '(idle)') totalBusy += delta;
    if (time < fromUs || time > toUs) continue;
    if (functionName === '(idle)') {
      idle += delta;
      continue;
    }
    busy += delta;
    // TypeScript run through tsx has no useful line numbers (the profile sees the transpiled code).
    const location = codeLocation(url);
    const line = location.endsWith('.ts') ? '' : `:${lineNumber + 1}`;
    const name = url === '' ? functionName || '(anonymous)' : `${functionName || '(anonymous)'} — ${location}${line}`;
    self.set(name, (self.get(name) ?? 0) + delta);
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + delta);
  }
  const rank = (entries: Map<string, number>, count: number) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, us]) => ({ name, ms: us / 1000, share: busy > 0 ? us / busy : NaN }));
  const endTime = (profile as CpuProfile & { endTime?: number }).endTime ?? time;
  const coverage = Number.isFinite(fromUs) && Number.isFinite(toUs) ? Math.max(0, Math.min(toUs, endTime) - Math.max(fromUs, profile.startTime)) / (toUs - fromUs) : 1;
  return { busyMs: busy / 1000, totalBusyMs: totalBusy / 1000, coverage, idleShare: idle / Math.max(1, idle + busy), functions: rank(self, top), areas: rank(areas, 14) };
}

/** The profile of a process's main thread (the one that ran `entry`) among those --cpu-prof wrote (worker threads get their own files). */
export function mainThreadProfile(dir: string, entry: string): { main: string | null; others: string[] } {
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')).map((name) => path.join(dir, name));
  let main: string | null = null;
  for (const file of files) {
    if (fs.readFileSync(file, 'utf8').includes(entry)) main = file;
  }
  return { main, others: files.filter((file) => file !== main) };
}

// ---- heap snapshots ----

export interface HeapSummary {
  totalMiB: number;
  /** Self size per (node type, name): constructor names for objects. */
  byClass: Map<string, { bytes: number; count: number }>;
  /** The largest single objects, with who holds them. */
  largest: Array<{ name: string; mib: number; retainers: string }>;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] }; node_count: number };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export function summariseHeapSnapshot(file: string, largestCount = 8): HeapSummary {
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
  const { meta } = snapshot.snapshot;
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const typeIndex = meta.node_fields.indexOf('type');
  const nameIndex = meta.node_fields.indexOf('name');
  const sizeIndex = meta.node_fields.indexOf('self_size');
  const edgeCountIndex = meta.node_fields.indexOf('edge_count');
  const edgeTypeIndex = meta.edge_fields.indexOf('type');
  const edgeNameIndex = meta.edge_fields.indexOf('name_or_index');
  const edgeToIndex = meta.edge_fields.indexOf('to_node');
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = snapshot;
  const count = nodes.length / nodeFields;
  const byClass = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  const nameOf = (node: number) => {
    const type = nodeTypes[nodes[node * nodeFields + typeIndex]!]!;
    const name = strings[nodes[node * nodeFields + nameIndex]!]!;
    return type === 'object' || type === 'native' || type === 'closure' ? `${name}${type === 'closure' ? ' (closure)' : ''}` : `(${type})`;
  };
  // Who points at whom, for the largest objects' retainer chains.
  const firstEdge = new Uint32Array(count + 1);
  for (let node = 0, edge = 0; node < count; node += 1) {
    firstEdge[node] = edge;
    edge += nodes[node * nodeFields + edgeCountIndex]! * edgeFields;
    firstEdge[node + 1] = edge;
  }
  const sizes: Array<[number, number]> = [];
  for (let node = 0; node < count; node += 1) {
    const size = nodes[node * nodeFields + sizeIndex]!;
    total += size;
    const key = nameOf(node);
    const entry = byClass.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += size;
    entry.count += 1;
    byClass.set(key, entry);
    if (size > 256 * 1024) sizes.push([node, size]);
  }
  const retainedBy = new Map<number, Array<{ from: number; edge: string }>>();
  const interesting = new Set(sizes.sort((a, b) => b[1] - a[1]).slice(0, largestCount).map(([node]) => node));
  const wanted = new Set(interesting);
  // Two levels of retainers: whoever points at the large objects, and at those.
  for (let level = 0; level < 3; level += 1) {
    const next = new Set<number>();
    for (let from = 0; from < count; from += 1) {
      for (let edge = firstEdge[from]!; edge < firstEdge[from + 1]!; edge += edgeFields) {
        const to = edges[edge + edgeToIndex]! / nodeFields;
        if (!wanted.has(to)) continue;
        const type = edgeTypes[edges[edge + edgeTypeIndex]!];
        if (type === 'weak' || type === 'shortcut') continue;
        const raw = edges[edge + edgeNameIndex]!;
        const label = type === 'element' || type === 'hidden' ? `[${raw}]` : String(strings[raw]);
        const list = retainedBy.get(to) ?? [];
        if (list.length < 3) list.push({ from, edge: label });
        retainedBy.set(to, list);
        next.add(from);
      }
    }
    wanted.clear();
    for (const node of next) if (!retainedBy.has(node)) wanted.add(node);
  }
  const chain = (node: number, depth: number): string => {
    const holders = retainedBy.get(node);
    if (!holders || depth === 0) return '';
    const first = holders.find((holder) => !nameOf(holder.from).startsWith('(system)')) ?? holders[0]!;
    return ` ← ${nameOf(first.from)}.${first.edge}${chain(first.from, depth - 1)}`;
  };
  const largest = sizes.slice(0, largestCount).map(([node, size]) => ({ name: nameOf(node), mib: size / 1024 / 1024, retainers: chain(node, 4) }));
  return { totalMiB: total / 1024 / 1024, byClass, largest };
}

/** Classes whose self size grew most from `before` to `after`. */
export function heapGrowth(before: HeapSummary, after: HeapSummary, top = 18): Array<{ name: string; mib: number; count: number }> {
  const names = new Set([...before.byClass.keys(), ...after.byClass.keys()]);
  return [...names]
    .map((name) => {
      const a = before.byClass.get(name) ?? { bytes: 0, count: 0 };
      const b = after.byClass.get(name) ?? { bytes: 0, count: 0 };
      return { name, mib: (b.bytes - a.bytes) / 1024 / 1024, count: b.count - a.count };
    })
    .sort((x, y) => y.mib - x.mib)
    .slice(0, top);
}
