// The pages of issue 14's goal (every applicant page and the staff login), with the state an
// applicant must be in to see each one (a test kit persona, docs/testing.md) and the h1 that proves
// the right page answered (its <title>). Shared by the page benchmark (scripts/bench/pages.ts) and the JavaScript
// budget check (tests/e2e/js-budget.spec.ts).

export type PagePersona = "issued" | "active" | "consented" | "detailed-filled" | "submitted" | "returned";

export interface PortalPage {
  /** The row's name in tables and budgets. */
  name: string;
  /** The path; `/notices/:id` is the first 通知 of the list. */
  path: string;
  /** Who is signed in (null: nobody). */
  persona: PagePersona | null;
  /** The page's own title (metadata), which its <title> starts with. */
  title: string;
}

const page = (name: string, path: string, persona: PagePersona | null, title = name): PortalPage => ({
  name,
  path,
  persona,
  title,
});

const content = (slug: string, heading: string) =>
  page(heading, `/registration/content/${slug}`, "detailed-filled");

export const portalPages: PortalPage[] = [
  page("ログイン", "/login", null),
  page("職員ログイン", "/staff/login", null),
  page("利用申し込み", "/usage-request", null),
  page("パスワード変更", "/password/change", "issued"),
  page("メニュー", "/menu", "active"),
  page("注意事項", "/registration", "active", "登録方式についての注意事項"),
  page("システム利用規約同意", "/registration/consent/terms", "consented"), // STEP 2: after STEP 1
  page("個人情報の取り扱い等の同意", "/registration/consent/personal-info", "active"),
  page("申請内容登録", "/registration/content", "detailed-filled"),
  content("personal-info", "本人情報"),
  content("face-photo", "顔写真"),
  content("identity-document", "本人確認書類"),
  content("employer", "所属事業者情報"),
  content("social-insurance", "社会保険・建退共・中退共"),
  content("job-types", "職種"),
  content("qualifications", "保有資格"),
  content("trainings", "研修受講履歴"),
  content("awards", "表彰履歴"),
  content("education", "学歴"),
  content("health-checks", "健康診断受診履歴"),
  content("workers-comp", "労災保険特別加入"),
  page("申請内容送信 (check)", "/registration/confirm", "detailed-filled", "申請内容送信"),
  page("申請完了", "/registration/complete", "submitted"),
  page("20_申請の修正", "/correction", "returned"),
  page("通知 (list)", "/notices", "returned", "通知"),
  page("通知 (one)", "/notices/:id", "returned", "通知"),
];

/** The text of the page's <title>, or null. */
export function documentTitle(html: string): string | null {
  const inner = /<title\b[^>]*>([\s\S]*?)<\/title>/.exec(html)?.[1];
  return inner === undefined ? null : inner.trim();
}

/** Whether the HTML is `page`'s: its <title> starts with the page's title. */
export const isPage = (html: string, title: string): boolean =>
  documentTitle(html)?.startsWith(title) ?? false;

/** The path of the first 通知 linked from the 通知 list's HTML, or null. */
export function firstNoticePath(listHtml: string): string | null {
  const id = /href="\/notices\/([^"/?#]+)"/.exec(listHtml)?.[1];
  return id ? `/notices/${id}` : null;
}
