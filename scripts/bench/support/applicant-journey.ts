// One virtual applicant's whole journey as a sequence of HTTP requests, for autocannon: each
// connection is one applicant who signs in with the 申請用パスワード, changes it, signs in again,
// accepts 登録方式についての注意事項, gives both consents, chooses 簡略型登録, fills every 簡略型
// page (four JPEG images), and presses 申請する — every page first loaded (GET), then its form
// posted the way a browser without JavaScript posts a server action form (multipart, the hidden
// $ACTION fields read from that page's HTML, Origin header, no Next-Action header). Every answer
// is checked: the status, the redirect target, the form the next step needs; anything else ends
// that applicant's journey as an error (the rest of its requests are cheap health checks that are
// not counted).
import type autocannon from "autocannon";
import { formWithField, pageActionForm, readForms, type HtmlForm } from "./html-form";
import { multipartBody, type FilePart, type FormPart } from "./multipart";

export interface VirtualApplicant {
  loginId: string;
  /** The 申請用パスワード the scenario issued. */
  password: string;
  /** What the journey changes it to. */
  newPassword: string;
  email: string;
}

export interface JourneyImages {
  card: FilePart;
  face: FilePart;
}

/** Which of the page's forms a step posts. */
type FormPick = (forms: HtmlForm[]) => HtmlForm | undefined;

interface Step {
  /** Row label in the tables. */
  name: string;
  method: "GET" | "POST";
  path: string;
  /** GET: the form this page must carry (what the next POST needs). */
  needs?: FormPick;
  /** POST: the form (read from the previous GET) and the values typed into it. */
  post?: { form: FormPick; values: (user: VirtualApplicant, images: JourneyImages) => FormPart[] };
  /** 303 and this Location path (with query), or 200. */
  redirect?: string;
  /** GET: a pattern the page must contain (ASCII only: autocannon joins body chunks as strings). */
  contains?: RegExp;
}

const LOGIN_FORM = formWithField("loginId");
const NEXT_FORM = formWithField("intent");

type Values = (user: VirtualApplicant, images: JourneyImages) => FormPart[];

/** A page loaded (GET), then its form posted (POST) and answered 303 → `redirect`. */
function formPage(options: {
  path: string;
  action: string;
  form: FormPick;
  values: Values;
  redirect: string;
  getName?: string;
}): Step[] {
  const { path, action, form, values, redirect } = options;
  return [
    { name: options.getName ?? `GET ${path}`, method: "GET", path, needs: form },
    { name: `POST ${action}`, method: "POST", path, post: { form, values }, redirect },
  ];
}

/** A 申請内容登録 page saved with 次へ (intent=next), back to the task list. */
const contentPage = (slug: string, label: string, values: Values) =>
  formPage({
    path: `/registration/content/${slug}`,
    action: `次へ ${label}`,
    form: NEXT_FORM,
    values: (user, images) => [...values(user, images), ["intent", "next"]],
    redirect: "/registration/content",
  });

const consent = (kind: "personal-info" | "terms", label: string, redirect: string) =>
  formPage({
    path: `/registration/consent/${kind}`,
    action: `同意する (${label})`,
    form: formWithField("confirmed"),
    values: () => [
      ["confirmed", "on"],
      ["decision", "agree"],
    ],
    redirect,
  });

const logIn = (
  path: string,
  which: string,
  password: (user: VirtualApplicant) => string,
  redirect: string,
  getName?: string,
) =>
  formPage({
    path,
    getName,
    action: `ログイン (${which})`,
    form: LOGIN_FORM,
    values: (u) => [
      ["loginId", u.loginId],
      ["password", password(u)],
    ],
    redirect,
  });

/** The requests of one journey, in order. */
export const JOURNEY: Step[] = [
  ...logIn("/login", "申請用パスワード", (u) => u.password, "/password/change"),
  ...formPage({
    path: "/password/change",
    action: "パスワード変更",
    form: formWithField("currentPassword"),
    values: (u) => [
      ["currentPassword", u.password],
      ["newPassword", u.newPassword],
      ["newPasswordConfirm", u.newPassword],
    ],
    redirect: "/login?reason=password-changed",
  }),
  ...logIn(
    "/login?reason=password-changed",
    "新しいパスワード",
    (u) => u.newPassword,
    "/menu",
    "GET /login?reason=…",
  ),
  { name: "GET /menu", method: "GET", path: "/menu" },
  ...formPage({
    path: "/registration",
    action: "はい (注意事項)",
    form: pageActionForm,
    values: () => [],
    redirect: "/registration/consent/personal-info",
  }),
  ...consent("personal-info", "個人情報", "/registration/consent/terms"),
  ...consent("terms", "利用規約", "/registration/content"),
  ...formPage({
    path: "/registration/content",
    action: "簡略型登録",
    form: formWithField("registrationType"),
    values: () => [["registrationType", "SIMPLE"]],
    redirect: "/registration/content",
  }),
  ...contentPage("personal-info", "本人情報", (u) => [
    ["isJapanese", "yes"],
    ["familyName", "建設"],
    ["givenName", "花子"],
    ["familyNameKana", "ケンセツ"],
    ["givenNameKana", "ハナコ"],
    ["birthDate", "1988-05-20"],
    ["gender", "女性"],
    ["postalCode", "1130021"],
    ["prefecture", "東京都"],
    ["city", "文京区本駒込2-28-8"],
    ["phone", "09012345678"],
    ["email", u.email],
  ]),
  ...contentPage("identity-document", "本人確認書類 (画像2枚)", (_u, images) => [
    ["documentType", "drivers-license"],
    ["identityFront", images.card],
    ["identityBack", images.card],
  ]),
  ...contentPage("face-photo", "顔写真 (画像1枚)", (_u, images) => [["facePhoto", images.face]]),
  ...contentPage("employer", "所属事業者情報", () => [
    ["employmentKind", "employee"],
    ["employerName", "株式会社 建設工業"],
  ]),
  ...contentPage("job-types", "職種", () => [["jobType1", "06-01"]]),
  ...contentPage("social-insurance", "社会保険 (画像1枚)", (_u, images) => [
    ["healthInsurance", "協会けんぽ"],
    ["healthInsuranceProof", images.card],
    ["pensionInsurance", "厚生年金"],
    ["employmentInsurance", "被保険者"],
    ["employmentInsuranceNumber", "1234-567890-1"],
    ["kentaikyo", "not-joined"],
    ["chutaikyo", "not-joined"],
  ]),
  ...formPage({
    path: "/registration/confirm",
    action: "申請する",
    form: pageActionForm,
    values: () => [],
    redirect: "/registration/complete",
  }),
  {
    name: "GET /registration/complete",
    method: "GET",
    path: "/registration/complete",
    contains: /\d{8}-\d{6}/,
  },
];

export interface JourneyFailure {
  loginId: string;
  step: string;
  status: number | "timeout";
  detail: string;
}

/** What the run measured, filled in by the request callbacks. */
export class JourneyRecorder {
  readonly durations = new Map<string, number[]>(JOURNEY.map((step) => [step.name, []]));
  readonly journeyMs: number[] = [];
  readonly failures: JourneyFailure[] = [];
  counted = 0;
  started = 0;

  record(step: string, ms: number) {
    this.durations.get(step)?.push(ms);
  }
}

interface Context {
  index?: number;
  user?: VirtualApplicant;
  cookies: Record<string, string>;
  forms: HtmlForm[];
  startedAt: number;
  sentAt: number;
  awaiting: number;
  failed: boolean;
}

function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
}

function takeCookies(context: Context, headers: Record<string, unknown>) {
  const raw = headers["set-cookie"];
  const lines = Array.isArray(raw) ? raw : raw ? [raw] : [];
  for (const line of lines as string[]) {
    const [pair = "", ...attributes] = line.split(";");
    const equals = pair.indexOf("=");
    if (equals < 1) continue;
    const name = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    const expired = attributes.some((attribute) => {
      const [key = "", v = ""] = attribute.split("=").map((part) => part.trim());
      if (key.toLowerCase() === "max-age") return Number(v) <= 0;
      if (key.toLowerCase() === "expires") return Date.parse(v) < Date.now();
      return false;
    });
    if (expired || value === "") delete context.cookies[name];
    else context.cookies[name] = value;
  }
}

function lowerCaseKeys(headers: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
}

/** What the page said instead (its title and error summary), ASCII-safe enough for a report. */
function describe(body: string): string {
  const title = /<title>([^<]*)<\/title>/.exec(body)?.[1] ?? "";
  const alert = /role="alert"[^>]*>([\s\S]{0,300}?)<\/(?:div|p|section)>/.exec(body)?.[1] ?? "";
  return `${title} ${alert.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ")}`.trim().slice(0, 200);
}

/**
 * The autocannon `requests` for the journey. Each connection takes the next applicant from
 * `users` on its first request; `origin` is what a browser on the portal's address sends.
 */
export function journeyRequests(options: {
  users: VirtualApplicant[];
  images: JourneyImages;
  origin: string;
  recorder: JourneyRecorder;
}): autocannon.Request[] {
  const { users, images, origin, recorder } = options;
  const fail = (context: Context, step: Step, status: number | "timeout", detail: string) => {
    if (context.failed) return;
    context.failed = true;
    recorder.failures.push({ loginId: context.user?.loginId ?? "?", step: step.name, status, detail });
  };
  const skipped = { method: "GET" as const, path: "/api/health", headers: {}, body: undefined };

  return JOURNEY.map((step, stepIndex): autocannon.Request => ({
    setupRequest: (request, raw) => {
      const context = raw as Context;
      if (stepIndex === 0) {
        context.index = recorder.started;
        recorder.started += 1;
        context.user = users[context.index];
        context.cookies = {};
        context.forms = [];
        context.failed = !context.user;
        context.startedAt = performance.now();
      } else if (context.awaiting === stepIndex - 1) {
        // The previous request never answered (autocannon timed it out and reconnected).
        fail(context, JOURNEY[stepIndex - 1]!, "timeout", "no answer within the request timeout");
      }
      context.awaiting = stepIndex;
      if (context.failed || !context.user) return { ...request, ...skipped };
      const headers: Record<string, string> = { accept: "text/html", "user-agent": "ccus-bench-load" };
      const cookie = cookieHeader(context.cookies);
      if (cookie) headers.cookie = cookie;
      let body: Buffer | undefined;
      if (step.post) {
        const form = step.post.form(context.forms);
        if (!form) {
          fail(context, step, 0, "the form to post was not on the previous page");
          return { ...request, ...skipped };
        }
        const built = multipartBody([...form.hidden, ...step.post.values(context.user, images)]);
        body = built.body;
        headers["content-type"] = built.contentType;
        headers.origin = origin;
      }
      context.sentAt = performance.now();
      return { ...request, method: step.method, path: step.path, headers, body };
    },
    onResponse: (status, body, raw, rawHeaders) => {
      const context = raw as Context;
      const skippedRequest = context.failed || !context.user || context.awaiting !== stepIndex;
      context.awaiting = -1;
      if (skippedRequest) return;
      recorder.record(step.name, performance.now() - context.sentAt);
      const headers = lowerCaseKeys(rawHeaders as Record<string, unknown>);
      takeCookies(context, headers);
      if (step.redirect) {
        const location = typeof headers.location === "string" ? headers.location : "";
        const target = location ? new URL(location, origin) : undefined;
        const where = target ? `${target.pathname}${target.search}` : "";
        if (status !== 303 || where !== step.redirect) {
          fail(
            context,
            step,
            status,
            `expected 303 → ${step.redirect}, got ${status} ${where} ${describe(body)}`,
          );
        }
        return;
      }
      if (status !== 200) {
        fail(context, step, status, `expected 200, got ${status} ${describe(body)}`);
        return;
      }
      context.forms = readForms(body);
      if (step.needs && !step.needs(context.forms)) {
        fail(context, step, status, `the form the next step posts is missing: ${describe(body)}`);
        return;
      }
      if (step.contains && !step.contains.test(body)) {
        fail(context, step, status, `the page lacks ${step.contains}: ${describe(body)}`);
        return;
      }
      if (stepIndex === JOURNEY.length - 1) {
        recorder.counted += 1;
        recorder.journeyMs.push(performance.now() - context.startedAt);
      }
    },
  }));
}
