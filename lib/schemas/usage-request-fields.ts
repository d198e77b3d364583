// The 利用申し込み form's fields: what the browser form needs on first load. No zod here
// (lib/schemas/usage-request.ts holds the schema and re-exports this).

export const USAGE_REQUEST_FIELDS = ["name", "address", "phone", "email"] as const;
