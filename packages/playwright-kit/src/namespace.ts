// Test namespaces: the server's pattern and the per-worker name.
export const namespacePattern = /^[a-z0-9][a-z0-9_-]{0,47}$/;

export function assertNamespace(ns: string): string {
  if (!namespacePattern.test(ns)) {
    throw new Error(
      `Invalid test namespace "${ns}": use 1-48 of a-z 0-9 _ - starting with a letter or digit.`,
    );
  }
  return ns;
}

/** `w<workerIndex>-<runId>`, lower-case and within the server's namespace pattern. */
export function workerNamespace(workerIndex: number, runId: string): string {
  const clean = runId
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, "")
    .slice(0, 40);
  return assertNamespace(`w${workerIndex}-${clean || "run"}`);
}
