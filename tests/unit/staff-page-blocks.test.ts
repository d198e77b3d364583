// The building blocks of the staff pages (components/ui/summary-list.tsx, data-table.tsx): the
// markup they render, and that the stylesheet defines every class they put on it (a table once sat
// in a wrapper class no rule matched, so it neither scrolled nor kept its spacing).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";

interface Row {
  id: string;
  name: string;
  count: number;
}
const rows: Row[] = [
  { id: "a", name: "山田", count: 1 },
  { id: "b", name: "佐藤", count: 2 },
];
const columns: DataColumn<Row>[] = [
  { header: "氏名", isRowHeader: true, cell: (row) => row.name },
  { header: "件数", className: "list-table__number", cell: (row) => `${row.count}件` },
];
const table = (captionId?: string) =>
  renderToStaticMarkup(
    createElement(DataTable<Row>, { caption: "一覧", captionId, columns, rows, rowKey: (row) => row.id }),
  );

/** Every class selector the app's stylesheets define (app/globals.css and its partials). */
function definedClasses(): Set<string> {
  const files = readdirSync(path.resolve("app"), { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith(".css"),
  );
  const css = files.map((file) => readFileSync(path.resolve("app", file), "utf8")).join("\n");
  return new Set([...css.matchAll(/\.([a-z][\w-]*)/gi)].map((match) => match[1]!));
}
const classesIn = (html: string) =>
  [...html.matchAll(/class="([^"]*)"/g)].flatMap((match) => match[1]!.split(/\s+/));

describe("SummaryList", () => {
  it("renders one term and value a row, with the value's own class where given", () => {
    const html = renderToStaticMarkup(
      createElement(
        SummaryList,
        null,
        createElement(SummaryRow, { term: "申請ログインID", valueClassName: "list-table__code" }, "12345678"),
        createElement(SummaryRow, { term: "氏名" }, "山田 太郎"),
      ),
    );
    expect(html).toBe(
      '<dl class="summary-list">' +
        '<div class="summary-list__row"><dt>申請ログインID</dt><dd class="list-table__code">12345678</dd></div>' +
        '<div class="summary-list__row"><dt>氏名</dt><dd>山田 太郎</dd></div>' +
        "</dl>",
    );
  });
});

describe("DataTable", () => {
  it("renders a caption, one header row and a row a record; a row-header column is a th", () => {
    expect(table()).toBe(
      '<div class="table-wrapper"><table class="table">' +
        '<caption class="visually-hidden">一覧</caption>' +
        '<thead><tr><th scope="col">氏名</th><th scope="col">件数</th></tr></thead>' +
        "<tbody>" +
        '<tr><th scope="row">山田</th><td class="list-table__number">1件</td></tr>' +
        '<tr><th scope="row">佐藤</th><td class="list-table__number">2件</td></tr>' +
        "</tbody></table></div>",
    );
  });

  it("makes the wrapper a focusable region named by the caption only when given a caption id", () => {
    expect(table()).not.toContain("role=");
    expect(table("list-caption")).toContain(
      '<div class="table-wrapper" role="region" aria-labelledby="list-caption" tabindex="0">',
    );
    expect(table("list-caption")).toContain('<caption id="list-caption" class="visually-hidden">');
  });
});

describe("the stylesheet", () => {
  it("defines the classes the summary list and the table put on their markup", () => {
    const defined = definedClasses();
    const html =
      table("x") +
      renderToStaticMarkup(createElement(SummaryList, null, createElement(SummaryRow, { term: "t" }, "v")));
    const used = classesIn(html).filter((name) => name !== "list-table__number");
    expect(used.filter((name) => !defined.has(name))).toEqual([]);
    expect(used).toContain("table-wrapper");
  });
});
