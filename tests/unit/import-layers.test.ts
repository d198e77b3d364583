// The import rules of docs/architecture.md, checked on the source: routes (app/) use components/
// and lib/, components/ use lib/, and lib/ and emails/ use neither; server actions are entry
// points that nothing in lib/ calls; the session checks of lib/dal/ are called by pages, actions
// and the server components that render a page, never by the data layer below them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full.split(path.sep).join("/")] : [];
  });
}

/** Every "@/…" module a file imports (type-only imports included: they name the layer too). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/(?:from|import)\s*\(?\s*"@\/([^"]+)"/g)].map((match) => match[1]!);
}

const files = ["app", "components", "lib", "emails"].flatMap(sourceFiles);

/** "file imports module" for every import that breaks a rule. */
function violations(rule: (file: string, target: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter((target) => rule(file, target))
      .map((target) => `${file} imports @/${target}`),
  );
}

describe("import layers", () => {
  it("finds the source files and their imports", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(importsOf("lib/actions/issue-applicant-id.ts")).toContain("lib/dal/session");
  });

  it("lib/ and emails/ import neither components/ nor app/", () => {
    expect(
      violations((file, target) => /^(lib|emails)\//.test(file) && /^(components|app)\//.test(target)),
    ).toEqual([]);
  });

  it("components/ do not import app/", () => {
    expect(violations((file, target) => file.startsWith("components/") && target.startsWith("app/"))).toEqual(
      [],
    );
  });

  it("server actions are called from pages and components only, never from lib/", () => {
    expect(
      violations(
        (file, target) =>
          file.startsWith("lib/") && !file.startsWith("lib/actions/") && target.startsWith("lib/actions/"),
      ),
    ).toEqual([]);
  });

  it("the session checks in lib/dal/ are not called by the data layer below them", () => {
    expect(
      violations(
        (file, target) =>
          file.startsWith("lib/") && !/^lib\/(dal|actions)\//.test(file) && target.startsWith("lib/dal/"),
      ),
    ).toEqual([]);
  });
});
