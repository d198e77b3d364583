// An unexpected failure of a server action (here a fault injected through the test kit, exactly as
// a database error would surface) shows the portal's own Japanese error page with a way to try
// again, not the framework's English error screen.
import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { appUrl, e2eTestApiToken } from "./support/environment";

test("a failing action shows 処理を完了できませんでした with もう一度試す, and passes axe", async ({
  page,
}) => {
  const kit = await playwrightRequest.newContext({
    baseURL: appUrl,
    extraHTTPHeaders: { Authorization: `Bearer ${e2eTestApiToken}` },
  });
  const ns = `err-${randomUUID().slice(0, 8)}`;
  try {
    const created = await kit.post("/__test__/scenarios", { data: { persona: "active", ns } });
    expect(created.status(), await created.text()).toBe(201);
    const { signInUrl } = (await created.json()) as { signInUrl: string };
    await page.goto(signInUrl);

    const fault = await kit.post("/__test__/faults", {
      data: { ns, actions: { acceptRegistrationNoticeAction: { fail: true } } },
    });
    expect(fault.ok()).toBe(true);

    // The 登録方式 notice's はい: a plain server-action form, no browser-side checks before it.
    await page.goto("/registration");
    await page.getByRole("button", { name: "はい" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "処理を完了できませんでした" })).toBeVisible();
    await expect(page.getByRole("button", { name: "もう一度試す" })).toBeVisible();
    await expect(page.getByText("Application error")).toHaveCount(0);
    await expectNoAxeViolations(page, "error page after a failed save");
  } finally {
    await kit.post("/__test__/reset", { data: { ns } });
    await kit.dispose();
  }
});
