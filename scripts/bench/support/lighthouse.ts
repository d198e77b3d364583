// Lighthouse mobile performance of each page against the bare Next.js page, in the same run (issue 14:
// "every page at least the bare page's score − 0.03"). Used by `scripts/bench/pages.ts --lighthouse`,
// which starts both servers and signs in; this file runs Chromium and Lighthouse and judges.
// Lighthouse's default config is the mobile one (Moto G Power-sized screen, simulated throttling:
// 150 ms RTT, 1.6 Mbps, 4× CPU slowdown), which is what "Lighthouse mobile" means; only the
// performance category runs. Each run gets a fresh Chromium (`--headless=new --no-sandbox`, its own
// user-data dir under the benchmark's temp folder), stopped by its process group.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { displayWidth } from "./display-width";

/** The goal: a page's score may be at most this far below the bare page's. */
export const ALLOWED_DROP = 0.03;

export interface LighthouseSample {
  /** Performance score, 0–1. */
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

export interface LighthouseTarget {
  name: string;
  url: string;
  /** The Cookie header the page needs (a signed-in applicant's session), or null. */
  cookie: string | null;
}

export interface LighthouseRow {
  page: string;
  /** The path measured (the URL's port changes from run to run). */
  path: string;
  url: string;
  runs: number;
  /** Medians of the page's runs. */
  medians: LighthouseSample;
  /** Medians of the bare page's runs, each right before one of this page's runs. */
  bare: LighthouseSample;
  /** page score − bare score (medians). */
  difference: number;
  /** Whether the page's median score ≥ the bare median − ALLOWED_DROP. */
  meets: boolean;
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Each metric's median over the runs (separately: the medians may come from different runs). */
export function medianSample(samples: LighthouseSample[]): LighthouseSample {
  const of = (key: keyof LighthouseSample) => median(samples.map((sample) => sample[key]));
  return { score: of("score"), fcpMs: of("fcpMs"), lcpMs: of("lcpMs"), tbtMs: of("tbtMs"), cls: of("cls") };
}

/**
 * Whether `pageScore` is at least `bareScore` − ALLOWED_DROP, compared in thousandths: in floating
 * point 0.96 − 0.03 is 0.9299999…, and 0.93 ≥ it would pass by luck of rounding, not by the rule
 * (scores are hundredths; a median of two runs may end in a half hundredth).
 */
export function meetsGoal(pageScore: number, bareScore: number): boolean {
  return Math.round(pageScore * 1000) >= Math.round(bareScore * 1000) - Math.round(ALLOWED_DROP * 1000);
}

export function judge(
  target: Pick<LighthouseTarget, "name" | "url">,
  pageRuns: LighthouseSample[],
  bareRuns: LighthouseSample[],
): LighthouseRow {
  const medians = medianSample(pageRuns);
  const bare = medianSample(bareRuns);
  return {
    page: target.name,
    path: new URL(target.url).pathname,
    url: target.url,
    runs: pageRuns.length,
    medians,
    bare,
    difference: Math.round((medians.score - bare.score) * 1000) / 1000,
    meets: meetsGoal(medians.score, bare.score),
  };
}

/** Lighthouse's flags for one run: mobile defaults, performance only, the session cookie if any. */
export function lighthouseFlags(port: number, cookie: string | null) {
  return {
    port,
    output: "json" as const,
    logLevel: "error" as const,
    onlyCategories: ["performance"],
    // Sent with every request of the run (the page and its scripts, all on the portal's origin).
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  };
}

interface LighthouseResultLike {
  finalDisplayedUrl?: string;
  runtimeError?: { code: string; message: string };
  categories: { performance?: { score: number | null } };
  audits: Record<string, { numericValue?: number } | undefined>;
}

/**
 * The score and metrics of one Lighthouse result, or an error when the run did not measure the
 * page asked for (a redirect — e.g. to /login when the cookie was lost —, a runtime error, no score).
 */
export function readResult(lhr: LighthouseResultLike, requestedUrl: string): LighthouseSample {
  if (lhr.runtimeError)
    throw new Error(`${requestedUrl}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const landed = lhr.finalDisplayedUrl ? new URL(lhr.finalDisplayedUrl) : null;
  const wanted = new URL(requestedUrl);
  if (!landed || landed.origin + landed.pathname !== wanted.origin + wanted.pathname) {
    throw new Error(`${requestedUrl}: Lighthouse measured ${lhr.finalDisplayedUrl ?? "nothing"} instead`);
  }
  const score = lhr.categories.performance?.score;
  const metric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    if (typeof value !== "number" || !Number.isFinite(value)) throw new Error(`${requestedUrl}: no ${id}`);
    return value;
  };
  if (typeof score !== "number") throw new Error(`${requestedUrl}: no performance score`);
  return {
    score,
    fcpMs: metric("first-contentful-paint"),
    lcpMs: metric("largest-contentful-paint"),
    tbtMs: metric("total-blocking-time"),
    cls: metric("cumulative-layout-shift"),
  };
}

// ---------------------------------------------------------------------------------------------
// Chromium

const chromeFlags = [
  "--headless=new",
  "--no-sandbox", // the benchmark runs as root
  "--remote-debugging-port=0",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-extensions",
  "--disable-component-extensions-with-background-pages",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-default-apps",
  "--disable-sync",
  "--disable-client-side-phishing-detection",
  "--disable-domain-reliability",
  "--disable-features=Translate,OptimizationHints,MediaRouter,RenderDocument",
  "--disable-backgrounding-occluded-windows",
  "--disable-renderer-backgrounding",
  "--disable-background-timer-throttling",
  "--disable-ipc-flooding-protection",
  "--disable-hang-monitor",
  "--metrics-recording-only",
  "--mute-audio",
  "--password-store=basic",
  "--use-mock-keychain",
];

export const chromePath = (): string => process.env.CHROME_PATH || "/usr/bin/chromium";

/** Starts Chromium in its own process group with a fresh profile in `tempDir`; stop() ends the group. */
async function launchChrome(tempDir: string) {
  const userDataDir = await mkdtemp(path.join(tempDir, "chrome-"));
  let output = "";
  const child = spawn(chromePath(), [...chromeFlags, `--user-data-dir=${userDataDir}`, "about:blank"], {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const stop = async () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      try {
        process.kill(-child.pid, "SIGKILL");
        await exited;
      } catch {
        // already gone
      }
    }
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  // Chromium writes the port it chose (and the browser's target path) to DevToolsActivePort.
  const portFile = path.join(userDataDir, "DevToolsActivePort");
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`${chromePath()} exited ${child.exitCode ?? child.signalCode}:\n${output}`);
    }
    const port = existsSync(portFile) ? Number((await readFile(portFile, "utf8")).split("\n")[0]) : 0;
    if (port > 0) return { port, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${chromePath()} did not open its debugging port:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One Lighthouse run's result: what the table reads, and the settings it reports. */
export interface LighthouseRun {
  lhr: LighthouseResultLike & {
    lighthouseVersion: string;
    environment: { benchmarkIndex: number };
    configSettings: { formFactor: string; throttlingMethod: string };
  };
  browser: string;
}

/** One Lighthouse mobile performance run of `target` in a fresh Chromium. */
export async function runLighthouse(target: LighthouseTarget, tempDir: string): Promise<LighthouseRun> {
  const { default: lighthouse } = await import("lighthouse");
  const chrome = await launchChrome(tempDir);
  try {
    const result = await lighthouse(target.url, lighthouseFlags(chrome.port, target.cookie));
    if (!result) throw new Error(`${target.url}: Lighthouse returned nothing`);
    const version = await fetch(`http://127.0.0.1:${chrome.port}/json/version`).then(
      async (response) => ((await response.json()) as { Browser?: string }).Browser ?? "?",
      () => "?",
    );
    return { lhr: result.lhr, browser: version };
  } finally {
    await chrome.stop();
  }
}

export interface LighthouseReport {
  /** Lighthouse's version, the browser's, the form factor and throttling the runs used. */
  lighthouse: string;
  browser: string;
  formFactor: string;
  throttling: string;
  /**
   * Lighthouse's measure of the machine's speed (higher: faster) over the counted runs: the
   * simulated times scale with it, so a wide range means a busy machine and noisy scores.
   */
  benchmarkIndex: { min: number; median: number; max: number };
  runs: number;
  /** Medians over every bare run of the table. */
  bare: LighthouseSample;
  rows: LighthouseRow[];
  /** Pages left out after a run that failed (named under the table), with the error. */
  notMeasured: string[];
}

/**
 * `runs` rounds after one warm-up run of the bare page; in each round every page right after a run
 * of the bare page, so that whatever the machine does meanwhile falls on both. A page's row compares
 * its medians with the medians of the bare runs paired with it. A page whose run fails (an error, a
 * redirect) is left out of the rest and named in `notMeasured`; the bare page failing ends it all.
 */
export async function lighthouseReport(
  bare: LighthouseTarget,
  pages: LighthouseTarget[],
  options: {
    runs: number;
    progress: (line: string) => void;
    /** One run (tests replace it). */
    run: (target: LighthouseTarget) => Promise<LighthouseRun>;
  },
): Promise<LighthouseReport> {
  const { runs, progress, run: runOnce } = options;
  if (pages.length === 0) throw new Error("no page to run Lighthouse on");
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs ${runs}: a whole number ≥ 1`);
  const benchmarkIndexes: number[] = [];
  const measure = async (target: LighthouseTarget) => {
    const { lhr } = await runOnce(target);
    benchmarkIndexes.push(lhr.environment.benchmarkIndex);
    return readResult(lhr, target.url);
  };
  const pageRuns = new Map<LighthouseTarget, LighthouseSample[]>();
  const bareRuns = new Map<LighthouseTarget, LighthouseSample[]>();
  const allBareRuns: LighthouseSample[] = [];
  const failed = new Map<LighthouseTarget, string>();
  // Warm-up (the servers' first renders, Chromium's own files in the page cache), not counted.
  const { lhr: first, browser } = await runOnce(bare);
  for (let run = 1; run <= runs; run += 1) {
    for (const page of pages.filter((candidate) => !failed.has(candidate))) {
      const bareSample = await measure(bare);
      allBareRuns.push(bareSample);
      let pageSample: LighthouseSample;
      try {
        pageSample = await measure(page);
      } catch (error) {
        // One page that cannot be measured does not cost the whole table: it is left out.
        failed.set(page, (error as Error).message);
        progress(`  run ${run} ${page.name}: NOT MEASURED: ${(error as Error).message}`);
        continue;
      }
      bareRuns.set(page, [...(bareRuns.get(page) ?? []), bareSample]);
      pageRuns.set(page, [...(pageRuns.get(page) ?? []), pageSample]);
      progress(
        `  run ${run} ${page.name}: ${pageSample.score.toFixed(2)} (bare ${bareSample.score.toFixed(2)}), LCP ${pageSample.lcpMs.toFixed(0)} ms, TBT ${pageSample.tbtMs.toFixed(0)} ms`,
      );
    }
  }
  return {
    lighthouse: first.lighthouseVersion,
    browser,
    benchmarkIndex: {
      min: Math.min(...benchmarkIndexes),
      median: median(benchmarkIndexes),
      max: Math.max(...benchmarkIndexes),
    },
    formFactor: first.configSettings.formFactor,
    throttling: first.configSettings.throttlingMethod,
    runs,
    bare: medianSample(allBareRuns),
    rows: pages
      .filter((page) => !failed.has(page))
      .map((page) => judge(page, pageRuns.get(page) ?? [], bareRuns.get(page) ?? [])),
    notMeasured: [...failed].map(([page, message]) => `${page.name} (Lighthouse): ${message}`),
  };
}

// ---------------------------------------------------------------------------------------------
// The table

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));
const seconds = (ms: number) => (ms / 1000).toFixed(2);

export function formatTable({ rows, bare: bareOverall }: Pick<LighthouseReport, "rows" | "bare">): string[] {
  const lines = [
    [
      pad("page", 30),
      "score".padStart(5),
      "FCP s".padStart(6),
      "LCP s".padStart(6),
      "TBT ms".padStart(7),
      "CLS".padStart(6),
      "│",
      "bare".padStart(5),
      "FCP s".padStart(6),
      "LCP s".padStart(6),
      "TBT ms".padStart(7),
      "CLS".padStart(6),
      "│",
      "diff".padStart(6),
      ` ≥ bare − ${ALLOWED_DROP}`,
    ].join(" "),
  ];
  const cells = (sample: LighthouseSample) => [
    sample.score.toFixed(2).padStart(5),
    seconds(sample.fcpMs).padStart(6),
    seconds(sample.lcpMs).padStart(6),
    sample.tbtMs.toFixed(0).padStart(7),
    sample.cls.toFixed(3).padStart(6),
  ];
  lines.push(
    [pad("bare Next.js page (all runs)", 30), ...cells(bareOverall), "│", "".padStart(42), "│"].join(" "),
  );
  for (const row of rows) {
    lines.push(
      [
        pad(row.page, 30),
        ...cells(row.medians),
        "│",
        ...cells(row.bare),
        "│",
        `${row.difference < 0 ? "−" : "+"}${Math.abs(row.difference).toFixed(2)}`.padStart(6),
        row.meets ? " yes" : " NO",
      ].join(" "),
    );
  }
  return lines;
}
