// The sandbox's test card numbers and what each does, shown on its card page (issue 12).
import { DataTable } from "@/components/ui/data-table";
import { TEST_CARDS, type TestCard } from "@/lib/payments/sandbox/test-cards";
import { sandboxWords, type SandboxLanguage } from "@/lib/payments/sandbox/words";

export function TestCardTable({ language = "ja" }: { language?: SandboxLanguage }) {
  const words = sandboxWords(language);
  return (
    <section aria-labelledby="test-cards-heading">
      <h2 id="test-cards-heading">{words.testCards}</h2>
      <p>{words.testCardsBody}</p>
      <DataTable<TestCard>
        caption={words.testCardsCaption}
        captionId="test-cards-caption"
        columns={[
          { header: words.cardNumber, cell: (card) => card.number, isRowHeader: true },
          {
            header: words.testCardResult,
            cell: (card) => (language === "ja" ? card.description : card.descriptionEn),
          },
        ]}
        rows={TEST_CARDS}
        rowKey={(card) => card.number}
      />
    </section>
  );
}
