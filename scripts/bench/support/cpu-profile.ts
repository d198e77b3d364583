// Where a server's CPU time went: reads the V8 CPU profiles (`node --cpu-prof`) in a folder, takes
// the one with the most busy time (the server process, not its launcher) and prints self time by
// kind (our code, React and Next's page runtime, Next's server, Prisma, Node, the garbage
// collector, …), by source file and by function, busy time only ((idle) left out). A build's
// minified chunks are read back to their sources through their source maps (.js.map next to
// them), so our code shows as proxy.ts, lib/…, app/… Used by `scripts/bench/pages.ts --cpu-prof`.
// `window`: only the samples taken inside it (CLOCK_MONOTONIC microseconds, the clock of both
// process.hrtime and the profile's timestamps), so start-up and the background workers' idle
// rounds between loads are left out; with `requests`, also CPU milliseconds per request. `root`:
// the app's folder (source files are named relative to it).
import { readdir, readFile } from "node:fs/promises";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** Microseconds on CLOCK_MONOTONIC, comparable with a V8 CPU profile's timestamps. */
export const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

export interface ProfileWindow {
  startMicros: number;
  endMicros: number;
  /** Requests answered inside the window. */
  requests?: number;
}

const maps = new Map<string, SourceMap | null>();

/** The source map of a build chunk, if it has one. */
async function sourceMapOf(file: string): Promise<SourceMap | null> {
  if (!maps.has(file)) {
    const text = await readFile(`${file}.map`, "utf8").catch(() => null);
    let map: SourceMap | null = null;
    try {
      map = text ? new SourceMap(JSON.parse(text) as ConstructorParameters<typeof SourceMap>[0]) : null;
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  return maps.get(file) ?? null;
}

/** A short name for a source path: the package, or the project file. */
function shortName(source: string): string {
  const normalized = decodeURIComponent(source.replaceAll("\\", "/")).replace(/^\[project\]\//, "");
  const modules = normalized.lastIndexOf("node_modules/");
  if (modules !== -1) {
    const rest = normalized.slice(modules + "node_modules/".length).split("/");
    const name = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? normalized);
    return name === "next" ? `next/${rest.slice(rest.indexOf("dist") + 1).join("/")}` : name;
  }
  return normalized;
}

/** The source file of a profiled function: through the chunk's source map for a build chunk. */
async function sourceOf(frame: ProfileNode["callFrame"], root: string): Promise<string> {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return url.replace(/^node:internal\//, "node:");
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  if (file.includes(`${path.sep}.next${path.sep}`)) {
    const map = await sourceMapOf(file);
    const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as
      { originalSource?: string } | undefined;
    if (entry?.originalSource) {
      const original = entry.originalSource.startsWith("file://")
        ? fileURLToPath(entry.originalSource)
        : path.resolve(path.dirname(file), entry.originalSource);
      return shortName(path.relative(root, original));
    }
    return `${file.slice(file.indexOf(`.next${path.sep}`))} (no source map)`;
  }
  return shortName(file);
}

/** What a source file is part of: the rows of "by kind". */
function kindOf(source: string): string {
  if (source === "(garbage collector)") return "garbage collector";
  if (source.startsWith("node:") || source === "(native)" || source === "(program)")
    return "Node (streams, http, crypto, promises) and native";
  if (source.startsWith("next/compiled/next-server/app-page"))
    return "React + Next page rendering (app-page runtime)";
  if (/^next\/compiled\/react|^react(-dom|-server-dom[^/]*)?$/.test(source)) return "React";
  if (source.startsWith("next/")) return "Next's server (routing, proxy adapter, headers)";
  if (source === "next") return "Next's server (routing, proxy adapter, headers)";
  if (/^(@prisma\/|prisma|pg|pg-[a-z]+|postgres-array)/.test(source) || source.includes("prisma"))
    return "database client (Prisma, pg)";
  if (/^(next-auth|@auth\/|jose|@panva\/|oauth4webapi)/.test(source)) return "next-auth / jose";
  if (/^zod/.test(source)) return "zod";
  if (source.includes(".next/") || source.includes("(no source map)")) return "build chunks (unmapped)";
  if (!source.includes("/") && !source.includes(".")) return `package ${source}`;
  if (/^(app|components|lib|proxy\.ts|instrumentation)/.test(source)) return "our code";
  return `other (${source.split("/")[0]})`;
}

export async function summariseCpuProfiles(
  dir: string,
  print: (line: string) => void,
  options: { window?: ProfileWindow; root?: string } = {},
): Promise<{
  busyMs: number;
  cpuMsPerRequest: number | null;
  kinds: [string, number][];
  files: [string, number][];
  functions: [string, number][];
  inclusive: [string, number][];
} | null> {
  const { window, root = process.cwd() } = options;
  const names = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith(".cpuprofile"));
  let best:
    | {
        busy: number;
        byKind: Map<string, number>;
        byFile: Map<string, number>;
        byFunction: Map<string, number>;
        inclusive: Map<string, number>;
      }
    | undefined;
  for (const name of names) {
    const profile = JSON.parse(await readFile(path.join(dir, name), "utf8")) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const sources = new Map<number, string>();
    for (const node of profile.nodes) sources.set(node.id, await sourceOf(node.callFrame, root));
    const byKind = new Map<string, number>();
    const byFile = new Map<string, number>();
    const byFunction = new Map<string, number>();
    // Total time: a sample counts for every function on its stack (once each, recursion or not).
    const inclusive = new Map<string, number>();
    const parents = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    const functionOf = (node: ProfileNode) =>
      `${node.callFrame.functionName || "(anonymous)"} ${sources.get(node.id) ?? "(unknown)"}`;
    const add = (map: Map<string, number>, key: string, micros: number) =>
      map.set(key, (map.get(key) ?? 0) + micros);
    let busy = 0;
    let at = profile.startTime;
    profile.samples.forEach((id, index) => {
      const micros = profile.timeDeltas[index] ?? 0;
      at += micros;
      if (window && (at < window.startMicros || at > window.endMicros)) return;
      const node = nodes.get(id);
      if (!node || node.callFrame.functionName === "(idle)") return;
      busy += micros;
      const file = sources.get(id) ?? "(unknown)";
      add(byKind, kindOf(file), micros);
      add(byFile, file, micros);
      add(byFunction, functionOf(node), micros);
      const onStack = new Set<string>();
      for (let frame: number | undefined = id; frame !== undefined; frame = parents.get(frame)) {
        const stacked = nodes.get(frame);
        if (stacked && stacked.callFrame.url) onStack.add(functionOf(stacked));
      }
      for (const fn of onStack) add(inclusive, fn, micros);
    });
    if (!best || busy > best.busy) best = { busy, byKind, byFile, byFunction, inclusive };
  }
  if (!best) {
    print("  (no CPU profile was written)");
    return null;
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
  const busy = best.busy;
  const requests = window?.requests ?? 0;
  const perRequest = requests > 0 ? busy / 1000 / requests : null;
  const share = (micros: number) =>
    `${((100 * micros) / busy).toFixed(1).padStart(5)} %${perRequest === null ? "" : ` ${(micros / 1000 / requests).toFixed(3).padStart(6)} ms/req`}`;
  print(
    `  busy ${(busy / 1000).toFixed(0)} ms${perRequest === null ? "" : ` for ${requests} requests: ${perRequest.toFixed(2)} ms of CPU per request`}; self time by kind:`,
  );
  for (const [kind, micros] of top(best.byKind, 12)) print(`  ${share(micros)}  ${kind}`);
  print("  by source file:");
  for (const [file, micros] of top(best.byFile, 25)) print(`  ${share(micros)}  ${file}`);
  print("  by function:");
  for (const [fn, micros] of top(best.byFunction, 30)) print(`  ${share(micros)}  ${fn.slice(0, 150)}`);
  print("  total time (self and callees) by function:");
  for (const [fn, micros] of top(best.inclusive, 45)) print(`  ${share(micros)}  ${fn.slice(0, 150)}`);
  return {
    busyMs: busy / 1000,
    cpuMsPerRequest: perRequest,
    kinds: top(best.byKind, 20).map(([kind, micros]) => [kind, micros / 1000]),
    files: top(best.byFile, 60).map(([file, micros]) => [file, micros / 1000]),
    functions: top(best.byFunction, 80).map(([fn, micros]) => [fn, micros / 1000]),
    inclusive: top(best.inclusive, 120).map(([fn, micros]) => [fn, micros / 1000]),
  };
}
