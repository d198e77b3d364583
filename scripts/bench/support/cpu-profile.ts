// Where a server's CPU time went: reads the V8 CPU profiles (`node --cpu-prof`) in a folder, takes
// the one with the most busy time (the server process, not its launcher) and prints self time by
// file and by function, busy time only ((idle) left out). Used by `scripts/bench/pages.ts --cpu-prof`.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A short name for a script URL: the package, or the file of our build. */
function fileOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const modules = url.lastIndexOf("node_modules/");
  if (modules !== -1) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    const name = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
    return name === "next" ? `next/${rest.slice(rest.indexOf("dist") + 1).join("/")}` : name;
  }
  const build = url.indexOf(".next/");
  return build === -1 ? path.basename(url) : url.slice(build);
}

export async function summariseCpuProfiles(
  dir: string,
  print: (line: string) => void,
): Promise<{ busyMs: number; files: [string, number][]; functions: [string, number][] } | null> {
  const names = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith(".cpuprofile"));
  let best: { busy: number; byFile: Map<string, number>; byFunction: Map<string, number> } | undefined;
  for (const name of names) {
    const profile = JSON.parse(await readFile(path.join(dir, name), "utf8")) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const byFile = new Map<string, number>();
    const byFunction = new Map<string, number>();
    let busy = 0;
    profile.samples.forEach((id, index) => {
      const node = nodes.get(id);
      const micros = profile.timeDeltas[index] ?? 0;
      if (!node || node.callFrame.functionName === "(idle)") return;
      busy += micros;
      const file = fileOf(node.callFrame.url, node.callFrame.functionName);
      byFile.set(file, (byFile.get(file) ?? 0) + micros);
      const fn = `${node.callFrame.functionName || "(anonymous)"} ${file}:${node.callFrame.lineNumber + 1}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
    });
    if (!best || busy > best.busy) best = { busy, byFile, byFunction };
  }
  if (!best) {
    print("  (no CPU profile was written)");
    return null;
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
  const busy = best.busy;
  const share = (micros: number) => `${((100 * micros) / busy).toFixed(1).padStart(5)} %`;
  print(`  busy ${(busy / 1000).toFixed(0)} ms; self time by file:`);
  for (const [file, micros] of top(best.byFile, 18)) print(`  ${share(micros)}  ${file}`);
  print("  by function:");
  for (const [fn, micros] of top(best.byFunction, 25)) print(`  ${share(micros)}  ${fn.slice(0, 150)}`);
  return {
    busyMs: busy / 1000,
    files: top(best.byFile, 40).map(([file, micros]) => [file, micros / 1000]),
    functions: top(best.byFunction, 60).map(([fn, micros]) => [fn, micros / 1000]),
  };
}
