// Runs the project's launcher (scripts/run.ts) as a child with a fresh DATA_DIR, for the tests of
// what it refuses before it starts anything. The folders are removed by removeLauncherFolders().
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const folders: string[] = [];

export interface LauncherEnv {
  /** Set unless `extra` sets them (e.g. the embedded database's port). */
  defaults?: Record<string, string>;
  /** The settings under test. */
  extra?: Record<string, string>;
  /** Removed from the inherited environment unless `extra` sets them. */
  unset?: string[];
}

export async function runLauncher(command: string, { defaults = {}, extra = {}, unset = [] }: LauncherEnv) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "ccus-launcher-"));
  folders.push(dataDir);
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...defaults, ...extra };
  for (const name of unset) if (!(name in extra)) delete env[name];
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/run.ts", command], {
    env,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { ...result, dataDir };
}

export async function removeLauncherFolders() {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
}
