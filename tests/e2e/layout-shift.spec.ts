// Nothing moves when an applicant page hydrates (issue 14). The narrow-screen menu used to collapse
// behind the hamburger on hydration and the answer-dependent parts of the 申請内容登録 forms used to
// hide then: Lighthouse mobile measured a cumulative layout shift of 0.10–0.44 on every signed-in
// page. Layout shifts are counted by the browser (PerformanceObserver "layout-shift", the same
// entries Lighthouse sums), on a phone-sized screen, from navigation until the page has hydrated.
import { expect, test, type Page } from "@playwright/test";
import { scenario } from "./fixtures/kit";

test.use({ viewport: { width: 412, height: 823 } });

/** The layout shift not caused by input, summed over the page's life so far. */
async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
        // Buffered entries arrive in the observer's first callback; give it two frames.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
      }),
  );
}

const pages = [
  { path: "/menu", heading: "技能者情報登録 インターネット申請", persona: "active" },
  { path: "/registration/content/employer", heading: "所属事業者情報", persona: "detailed-filled" },
  {
    path: "/registration/content/social-insurance",
    heading: "社会保険・建退共・中退共",
    persona: "detailed-filled",
  },
  { path: "/registration/content/personal-info", heading: "本人情報", persona: "detailed-filled" },
  { path: "/registration/content/workers-comp", heading: "労災保険特別加入", persona: "detailed-filled" },
] as const;

for (const target of pages) {
  test(`${target.path}: no layout shift while the page loads and hydrates (phone width)`, async ({
    page,
  }) => {
    const who = await scenario(page.request, target.persona);
    await page.goto(who.signInUrl ?? "");
    await page.goto(target.path, { waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1, name: target.heading })).toBeVisible();
    // Hydrated: the hamburger answers (it opens the menu).
    const toggle = page.getByRole("button", { name: "メニューを開く" });
    await expect(toggle).toBeVisible();
    expect(await layoutShift(page), `${target.path} moved while it loaded`).toBeLessThan(0.01);
    await expect(async () => {
      await toggle.click({ timeout: 1_000 });
      await expect(page.getByRole("button", { name: "メニューを閉じる" })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
    await expect(page.getByRole("link", { name: "10_登録申請" })).toBeVisible();
  });
}
