// The answers of an application, group by group (the check page, the completion page, staff review).
import Link from "next/link";
import { fileUrl } from "@/lib/files/file-url";
import { changeLinkName, type CheckSection } from "@/lib/applications/application-check";

export function CheckSectionList({
  sections,
  withChangeLinks,
  headingLevel = 2,
}: {
  sections: readonly CheckSection[];
  withChangeLinks: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return sections.map((section) => (
    <section key={section.key} aria-labelledby={`section-${section.key}`}>
      <Heading className="section-title" id={`section-${section.key}`}>
        {section.title}
      </Heading>
      {section.problems.map((problem) => (
        <p key={problem} className="field__error">
          <span className="visually-hidden">エラー：</span>
          {problem}
        </p>
      ))}
      {section.items.length === 0 ? (
        <p>
          登録する内容はありません。
          {withChangeLinks ? (
            <>
              {" "}
              <Link href={section.href} aria-label={changeLinkName(section.title)}>
                変更
              </Link>
            </>
          ) : null}
        </p>
      ) : (
        <dl className="summary-list">
          {section.items.map((item) => (
            <div className="summary-list__row" key={item.id}>
              <dt>{item.label}</dt>
              <dd>
                {item.image ? (
                  // Served by /api/files only to the owner and staff; never cached by the browser.
                  // eslint-disable-next-line @next/next/no-img-element
                  <img
                    src={fileUrl(item.image.fileId)}
                    alt={item.image.alt}
                    className="check-image"
                    width={147}
                  />
                ) : (
                  item.value
                )}
              </dd>
              <dd className="summary-list__actions">
                {withChangeLinks ? (
                  <Link href={item.href} aria-label={changeLinkName(item.label)}>
                    変更
                  </Link>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  ));
}
