// Rows read as JSON in one statement (to_jsonb / jsonb_agg of a table's rows), turned back into
// the shape Prisma returns: snake_case column names become the models' camelCase field names, and
// the timestamps (every DateTime field of this schema is named …At) become Dates again. Used where
// one query replaces Prisma's one-query-per-relation `include` (docs/performance.md section 2).

const camel = (column: string) =>
  column.replace(/_([a-z0-9])/g, (_match, next: string) => next.toUpperCase());

/** A JSON value from PostgreSQL (objects, arrays of objects) with Prisma's field names and Dates. */
export function fromJsonRows(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJsonRows);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([column, field]) => {
      const name = camel(column);
      return [name, name.endsWith("At") && typeof field === "string" ? new Date(field) : fromJsonRows(field)];
    }),
  );
}
