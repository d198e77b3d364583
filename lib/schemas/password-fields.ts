// The password lengths and symbols: what the browser form needs on first load. No zod here
// (lib/schemas/password.ts holds the rules and re-exports these).

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 24;
/** The only symbols allowed; `" # & ' < >` and space are refused. */
export const PASSWORD_SYMBOLS = "!$%()*+,-./:;=?@[\\]^_`{|}~";

/** The catalogue parts the パスワード変更 form reads in the browser (its pages pass them to ClientMessages). */
export const PASSWORD_CHANGE_MESSAGES = ["auth.passwordChange", "validation.password"] as const;
