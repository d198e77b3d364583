// The sandbox's test card numbers and what each does, shown on its card page (issue 12).
import { DataTable } from "@/components/ui/data-table";
import { TEST_CARDS, type TestCard } from "@/lib/payments/sandbox/test-cards";

export function TestCardTable() {
  return (
    <section aria-labelledby="test-cards-heading">
      <h2 id="test-cards-heading">テスト用のカード番号</h2>
      <p>
        有効期限は今月以降の月/年、セキュリティコードは任意の3桁、カード名義は任意の文字で入力してください。
      </p>
      <DataTable<TestCard>
        caption="テスト用のカード番号と結果"
        captionId="test-cards-caption"
        columns={[
          { header: "カード番号", cell: (card) => card.number, isRowHeader: true },
          { header: "結果", cell: (card) => card.description },
        ]}
        rows={TEST_CARDS}
        rowKey={(card) => card.number}
      />
    </section>
  );
}
