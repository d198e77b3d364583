// The plain 503 page's Japanese heading (lib/maintenance-page.ts, DATABASE_UNAVAILABLE_HEADING),
// read from its catalogue: Playwright loads lib/ as Node's own ESM, which imports no JSON
// without an import attribute, so the specs do not import lib/maintenance-page.ts itself.
import { readFileSync } from "node:fs";

const japanese = JSON.parse(
  readFileSync(new URL("../../messages/ja/unavailable.json", import.meta.url), "utf8"),
) as { database: { heading: string } };

export const DATABASE_UNAVAILABLE_HEADING = japanese.database.heading;
