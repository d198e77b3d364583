// The development mailbox shows emails with their temporary passwords: the production server
// (`npm start` on a `next build`) must not answer it, under any spelling of its address.
import { expect, test } from "@playwright/test";

test("the production server answers 404 on /dev/mailbox", async ({ request }) => {
  for (const address of ["/dev/mailbox", "/dev/mailbox?x=1", "/dev/mailbox.dev"]) {
    const response = await request.get(address, { maxRedirects: 0 });
    expect(response.status(), address).toBe(404);
    expect(await response.text(), address).not.toContain("開発用メールボックス");
  }
});
