// JavaScript budget (issue 14): the gzipped JavaScript a modern browser loads for each page of
// issue 14's list (every non-nomodule <script src> of the page's HTML, each gzipped; the same
// measure as `npm run bench:pages`, scripts/bench/support/page-scripts.ts) must stay within its
// budget in tests/budget/js-budget.json. Bytes of one build are stable, so this is a test; the
// speed ratio stays in the benchmark. A page that grows on purpose gets a new budget in the same
// commit, with the reason in its message.
import { readFile } from "node:fs/promises";
import { expect, request as requestFactory, test, type APIRequestContext } from "@playwright/test";
import {
  documentTitle,
  firstNoticePath,
  isPage,
  portalPages,
  type PagePersona,
} from "../../scripts/bench/support/page-list";
import { pageWeight } from "../../scripts/bench/support/page-scripts";
import { scenario } from "./fixtures/kit";
import { appUrl } from "./support/environment";
import { librariesIn } from "./support/first-load-libraries";

interface BudgetFile {
  pages: Record<string, number>;
}

test("every page's JavaScript (gzip) is within its budget and holds neither zod nor react-hook-form", async () => {
  const budgets = (JSON.parse(await readFile("tests/budget/js-budget.json", "utf8")) as BudgetFile).pages;
  expect(Object.keys(budgets).sort(), "a budget for each page of scripts/bench/support/page-list.ts").toEqual(
    portalPages.map((portalPage) => portalPage.path).sort(),
  );

  const contexts = new Map<PagePersona | null, APIRequestContext>();
  const contextFor = async (persona: PagePersona | null) => {
    let context = contexts.get(persona);
    if (context) return context;
    context = await requestFactory.newContext({ baseURL: appUrl });
    if (persona) {
      const who = await scenario(context, persona);
      expect(who.signInUrl, persona).toBeTruthy();
      const signedIn = await context.get(who.signInUrl ?? "", { maxRedirects: 0 });
      expect(signedIn.status(), `${persona} signs in`).toBe(303);
    }
    contexts.set(persona, context);
    return context;
  };

  const cache = new Map<string, { gzipBytes: number; bytes: number }>();
  const measured: { path: string; jsGzipBytes: number; budget: number; scripts: string[] }[] = [];
  try {
    for (const portalPage of portalPages) {
      const context = await contextFor(portalPage.persona);
      let pathname = portalPage.path;
      if (pathname === "/notices/:id") {
        const list = await context.get("/notices");
        pathname = firstNoticePath(await list.text()) ?? "(none)";
      }
      const response = await context.get(pathname, { maxRedirects: 0 });
      const html = await response.text();
      expect(response.status(), `${pathname}`).toBe(200);
      expect(isPage(html, portalPage.title), `${pathname} is titled ${documentTitle(html)}`).toBe(true);
      const weight = await pageWeight(appUrl, html, cache);
      expect(weight.scripts.length, `${pathname} loads scripts`).toBeGreaterThan(0);
      measured.push({
        path: portalPage.path,
        jsGzipBytes: weight.jsGzipBytes,
        budget: budgets[portalPage.path] ?? 0,
        scripts: weight.scripts.map((script) => script.src),
      });
    }
  } finally {
    for (const context of contexts.values()) await context.dispose();
  }
  await test.info().attach("js-gzip-bytes.json", {
    body: JSON.stringify(measured, null, 2),
    contentType: "application/json",
  });
  const over = measured
    .filter((row) => row.jsGzipBytes > row.budget)
    .map((row) => `${row.path}: ${row.jsGzipBytes} B > budget ${row.budget} B`);
  expect(over, "pages over their JavaScript budget (tests/budget/js-budget.json)").toEqual([]);

  // Whatever the bytes: the form library and zod stay out of the first load (use-server-form.ts).
  const librariesOf = new Map<string, string[]>();
  for (const src of new Set(measured.flatMap((row) => row.scripts))) {
    const response = await fetch(new URL(src, appUrl));
    librariesOf.set(src, librariesIn(await response.text()));
  }
  const withLibraries = measured.flatMap((row) =>
    row.scripts.flatMap((src) =>
      librariesOf.get(src)?.length ? [`${row.path}: ${src} has ${librariesOf.get(src)?.join(", ")}`] : [],
    ),
  );
  expect(withLibraries, "pages whose first-load JavaScript holds zod or react-hook-form").toEqual([]);
});
