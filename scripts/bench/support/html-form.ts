// Reading the portal's forms out of server-rendered HTML, the way a browser without JavaScript
// submits them: the hidden inputs a server action form carries ($ACTION_REF_n, $ACTION_n:0 with
// the action id, $ACTION_n:1 with the previous state, $ACTION_KEY) and any other hidden input.
// Small and strict on purpose: it reads our own pages, not arbitrary HTML.

export interface HtmlForm {
  /** Every hidden input, in document order. */
  hidden: [string, string][];
  /** The names of every control (inputs, selects, textareas, buttons with a name). */
  names: Set<string>;
  /** The visible text of its buttons, tags removed. */
  buttons: string[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === "#") {
      const code =
        entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = match[1];
    if (!name || name.startsWith("<")) continue;
    found.set(name.toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ""));
  }
  return found;
}

/** Every <form> of the page (forms do not nest in HTML). */
export function readForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/gi)) {
    const inner = match[1] ?? "";
    const hidden: [string, string][] = [];
    const names = new Set<string>();
    for (const control of inner.matchAll(/<(input|select|textarea|button)\b([^>]*)>/gi)) {
      const attrs = attributes(control[2] ?? "");
      const name = attrs.get("name");
      if (!name) continue;
      names.add(name);
      if (control[1]?.toLowerCase() === "input" && attrs.get("type") === "hidden") {
        hidden.push([name, attrs.get("value") ?? ""]);
      }
    }
    const buttons = [...inner.matchAll(/<button\b[^>]*>([\s\S]*?)<\/button>/gi)].map((button) =>
      decodeEntities((button[1] ?? "").replace(/<[^>]*>/g, "")).trim(),
    );
    forms.push({ hidden, names, buttons });
  }
  return forms;
}

/** The server action a form posts to: `$ACTION_ID_<id>`, or the id inside `$ACTION_<n>:0`. */
export function actionIdOf(form: HtmlForm): string | undefined {
  for (const [name, value] of form.hidden) {
    if (name.startsWith("$ACTION_ID_")) return name.slice("$ACTION_ID_".length);
    if (/^\$ACTION_\d+:0$/.test(name)) {
      try {
        const parsed = JSON.parse(value) as { id?: unknown };
        if (typeof parsed.id === "string") return parsed.id;
      } catch {
        return undefined;
      }
    }
  }
  for (const name of form.names) if (name.startsWith("$ACTION_ID_")) return name.slice("$ACTION_ID_".length);
  return undefined;
}

/** The first form with a control named `field`. */
export const formWithField = (field: string) => (forms: HtmlForm[]) =>
  forms.find((form) => form.names.has(field));

/**
 * The page's one server action form that is not the frame's ログアウト (the logout action is the
 * one the session-timeout form, with its `area` field, also posts to). Chosen by names, not by the
 * button's Japanese text: autocannon hands over the body as a string joined from socket chunks, in
 * which a character split between two chunks does not survive.
 */
export const pageActionForm = (forms: HtmlForm[]) => {
  const logout = forms.find((form) => form.names.has("area"));
  const logoutId = logout ? actionIdOf(logout) : undefined;
  const candidates = forms.filter((form) => {
    const id = actionIdOf(form);
    return id !== undefined && id !== logoutId;
  });
  return candidates.length === 1 ? candidates[0] : undefined;
};
