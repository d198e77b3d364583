// A "use server" module may export async functions only: anything else (a constant, a type is
// fine) breaks every action of the module at run time, not at build time.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const serverModules = ["lib", "app", "components"]
  .flatMap((dir) => sourceFiles(dir))
  .filter((file) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(file, "utf8")));

describe('"use server" modules', () => {
  it("are found", () => {
    expect(serverModules.length).toBeGreaterThan(10);
  });

  it.each(serverModules)("%s exports async functions only", (file) => {
    const exports = readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => /^export\s/.test(line))
      .filter((line) => !/^export\s+(async\s+function|type|interface)\s/.test(line));
    expect(exports).toEqual([]);
  });
});
