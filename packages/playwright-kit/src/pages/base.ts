// What every page object shares: its address, its level-1 heading and the landmarks of its frame.
import { expect, type Locator, type Page } from "@playwright/test";

export type Area = "public" | "applicant" | "staff";

export abstract class PortalPage {
  /** Address pattern, `:name` for a path parameter (e.g. /notices/:id). */
  abstract readonly path: string;
  /** The page's level-1 heading (a RegExp where it carries data, e.g. a notice title). */
  abstract readonly headingName: string | RegExp;
  abstract readonly area: Area;

  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: this.headingName });
  }

  get main(): Locator {
    return this.page.getByRole("main");
  }

  /** The error summary or a form message shown with role alert. */
  get alert(): Locator {
    return this.page.getByRole("alert");
  }

  /** Opens the page (`params` fill the `:name` parts of `path`) and waits for its heading. */
  async goto(params: Record<string, string> = {}): Promise<void> {
    const url = this.path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined)
        throw new Error(`${this.constructor.name}.goto needs the "${name}" parameter.`);
      return encodeURIComponent(value);
    });
    await this.page.goto(url);
    await this.expectLoaded();
  }

  async expectLoaded(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  /** A button of the page by its exact accessible name. */
  button(name: string | RegExp): Locator {
    return this.page.getByRole("button", { name, exact: typeof name === "string" });
  }

  /** A form control by its exact label. */
  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label, { exact: typeof label === "string" });
  }

  link(name: string | RegExp): Locator {
    return this.page.getByRole("link", { name, exact: typeof name === "string" });
  }
}

/** Pages inside the applicant frame: the menu navigation and ログアウト. */
export abstract class ApplicantPage extends PortalPage {
  readonly area: Area = "applicant";

  get menu(): Locator {
    return this.page.getByRole("navigation", { name: "メニュー" });
  }

  get openMenuButton(): Locator {
    return this.button("メニューを開く");
  }

  async logout(): Promise<void> {
    await this.button("ログアウト").click();
  }

  /** A link of the applicant menu (10_登録申請, 20_申請の修正, 通知, パスワード変更 …). */
  menuLink(name: string | RegExp): Locator {
    return this.menu.getByRole("link", { name, exact: typeof name === "string" });
  }
}

/** Pages inside the staff frame: the 職員メニュー navigation and ログアウト. */
export abstract class StaffPage extends PortalPage {
  readonly area: Area = "staff";

  get menu(): Locator {
    return this.page.getByRole("navigation", { name: "職員メニュー" });
  }

  async logout(): Promise<void> {
    await this.button("ログアウト").click();
  }

  menuLink(name: string | RegExp): Locator {
    return this.menu.getByRole("link", { name, exact: typeof name === "string" });
  }

  /** The result table of a list page. */
  get table(): Locator {
    return this.main.getByRole("table").first();
  }

  /** A row of the result table that mentions `text`. */
  row(text: string | RegExp): Locator {
    return this.main.getByRole("row").filter({ hasText: text });
  }
}

/** Pages outside any sign-in (ログイン, 利用申し込み …). */
export abstract class PublicPage extends PortalPage {
  readonly area: Area = "public";
}
