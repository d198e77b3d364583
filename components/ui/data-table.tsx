// A table of records (staff lists and histories): a visually hidden caption, one header row, one
// row a record, in the wrapper that scrolls sideways on a narrow screen.
import type { ReactNode } from "react";

export interface DataColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** The cell's class (a date, a code, an e-mail address). */
  className?: string;
  /** The cell names its row (<th scope="row">). */
  isRowHeader?: boolean;
}

export function DataTable<Row>({
  caption,
  captionId,
  columns,
  rows,
  rowKey,
  className,
}: {
  caption: ReactNode;
  /** Makes the wrapper a focusable region named by the caption (unique on the page). */
  captionId?: string;
  columns: readonly DataColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Classes besides "table" (e.g. "outbox-table"). */
  className?: string;
}) {
  const region = captionId ? ({ role: "region", "aria-labelledby": captionId, tabIndex: 0 } as const) : {};
  return (
    <div className="table-wrapper" {...region}>
      <table className={className ? `table ${className}` : "table"}>
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.header}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) =>
                column.isRowHeader ? (
                  <th scope="row" className={column.className} key={column.header}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td className={column.className} key={column.header}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
