// The payment sandbox's pages (issue 12): "the provider's" hosted card page, its 3-D Secure page
// and the store where konbini codes and 払込票 are paid. Served by the portal while
// PAYMENT_PROVIDER is the sandbox; not behind the applicant's login.
import { expect, type Locator } from "@playwright/test";
import { type Area, PortalPage } from "./base.js";

abstract class SandboxPage extends PortalPage {
  readonly area: Area = "public";

  /** The banner every sandbox page carries: 「テスト用の決済画面（サンドボックス）」. */
  get sandboxBanner(): Locator {
    return this.page.getByRole("heading", { name: "テスト用の決済画面（サンドボックス）" });
  }
}

/** カードでのお支払い: the hosted card page of one sandbox payment (/sandbox/checkout/:id). */
export class SandboxCheckoutPage extends SandboxPage {
  readonly path = "/sandbox/checkout/:id";
  readonly headingName = "カードでのお支払い";
  get cardNumber(): Locator {
    return this.field("カード番号");
  }
  get expiry(): Locator {
    return this.field("有効期限（MM/YY）");
  }
  get securityCode(): Locator {
    return this.field("セキュリティコード");
  }
  get cardholderName(): Locator {
    return this.field("カード名義");
  }
  get pay(): Locator {
    return this.button("支払う");
  }
  /** Types a card (a test number of docs/payments.md) and presses 支払う. */
  async payWith(number: string, { expiry = "12/34", securityCode = "123", name = "TARO KENSETSU" } = {}) {
    await expect(this.heading).toBeVisible();
    await this.cardNumber.fill(number);
    await this.expiry.fill(expiry);
    await this.securityCode.fill(securityCode);
    await this.cardholderName.fill(name);
    await this.pay.click();
  }
}

/** 本人認証（3Dセキュア）: 認証する / 認証しない (/sandbox/checkout/:id/challenge). */
export class SandboxChallengePage extends SandboxPage {
  readonly path = "/sandbox/checkout/:id/challenge";
  readonly headingName = "本人認証（3Dセキュア）";
  get approve(): Locator {
    return this.button("認証する");
  }
  get reject(): Locator {
    return this.button("認証しない");
  }
}

/** サンドボックスのコンビニ店頭: 受付番号・払込票番号 and 確認番号 → 確認する → 支払う. */
export class SandboxStorePage extends SandboxPage {
  readonly path = "/sandbox/store";
  readonly headingName = "サンドボックスのコンビニ店頭";
  get voucherNumber(): Locator {
    return this.field("受付番号・払込票番号");
  }
  get confirmationNumber(): Locator {
    return this.field("確認番号");
  }
  get lookUp(): Locator {
    return this.button("確認する");
  }
  get pay(): Locator {
    return this.button("支払う");
  }
  /** Pays a konbini code or a 払込票 at the counter and waits for 支払いが完了しました. */
  async payCode(number: string, confirmationNumber = ""): Promise<void> {
    await this.goto();
    await this.voucherNumber.fill(number);
    if (confirmationNumber) await this.confirmationNumber.fill(confirmationNumber);
    await this.lookUp.click();
    await this.pay.click();
    await expect(this.page.getByRole("heading", { name: "支払いが完了しました" })).toBeVisible();
  }
}
