// The reading aid of a consent document (issue 15): a translation is shown below the binding
// Japanese text only for the version, and the exact Japanese text, it was made from; a version
// without one gets a note instead of a stale translation.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { consentContentHash, readConsentFiles } from "@/lib/consents/consent-files";
import { chooseReadingAid, readingAidKey, type ConsentText } from "@/lib/consents/reading-aid";
import { translatorFor } from "@/lib/i18n/translate";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { consentSchema } from "@/lib/schemas/consent";
import { registrationTypeSchema } from "@/lib/schemas/registration-type";
import { textIn } from "@/lib/i18n/translate";

const shipped = await readConsentFiles(path.resolve("data/consents"));

/** A version's text in a language's catalogue, as the consent page reads it (ICU-formatted). */
async function catalogueText(locale: Locale, key: string): Promise<ConsentText | undefined> {
  const t = (await translatorFor(locale)) as unknown as { (key: string): string; has(key: string): boolean };
  const at = `registration.${key}`;
  if (!t.has(`${at}.title`) || !t.has(`${at}.body`)) return undefined;
  return { title: t(`${at}.title`), body: t(`${at}.body`) };
}

describe("chooseReadingAid", () => {
  const source = { title: "同意書", body: "本文。" };
  const document = { contentHash: consentContentHash(source.title, source.body) };
  const english = { title: "Consent", body: "Text." };

  it("shows nothing beside a Japanese page", () => {
    expect(chooseReadingAid(document, "ja", source, english)).toEqual({ state: "none" });
  });

  it("shows the translation made from exactly this Japanese text", () => {
    expect(chooseReadingAid(document, "en", source, english)).toEqual({ state: "shown", ...english });
  });

  it("notes a missing translation for a version without one", () => {
    expect(chooseReadingAid(document, "en", undefined, undefined)).toEqual({ state: "missing" });
    expect(chooseReadingAid(document, "vi", source, undefined)).toEqual({ state: "missing" });
  });

  it("does not show a translation of another Japanese text under the same version", () => {
    const changed = { contentHash: consentContentHash(source.title, "書き換えた本文。") };
    expect(chooseReadingAid(changed, "en", source, english)).toEqual({ state: "missing" });
  });
});

describe("the catalogues' consent documents", () => {
  it("ship with the published documents", () => {
    expect(shipped.map((file) => `${file.kind} v${file.version}`).sort()).toEqual([
      "PERSONAL_INFO v1",
      "TERMS v1",
    ]);
  });

  it.each(shipped.map((file) => [`${file.kind} v${file.version}`, file] as const))(
    "%s: the Japanese catalogue holds the binding text, and every language's reading aid is shown",
    async (_name, file) => {
      const key = readingAidKey(file.kind, file.version);
      const source = await catalogueText("ja", key);
      expect(source).toEqual({ title: file.title, body: file.body });
      for (const locale of LOCALES) {
        const aid = chooseReadingAid(file, locale, source, await catalogueText(locale, key));
        expect(aid.state, locale).toBe(locale === "ja" ? "none" : "shown");
      }
    },
  );

  it("a new Japanese version has no reading aid until it is translated", async () => {
    const terms = shipped.find((file) => file.kind === "TERMS");
    const v2 = { contentHash: consentContentHash("システム利用規約", "第2版の本文。") };
    const key = readingAidKey("TERMS", (terms?.version ?? 1) + 1);
    expect(
      chooseReadingAid(v2, "en", await catalogueText("ja", key), await catalogueText("en", key)),
    ).toEqual({ state: "missing" });
  });
});

describe("the schemas' messages", () => {
  it("registration type: one of 簡略型登録 / 詳細型登録", async () => {
    const parsed = registrationTypeSchema.safeParse({ registrationType: "" });
    const message = parsed.error?.issues[0]?.message ?? "";
    expect(await textIn("ja", message)).toBe("登録方式を「簡略型登録」か「詳細型登録」から選んでください。");
    expect(await textIn("en", message)).toBe(
      "Choose the registration type: simple registration (簡略型登録) or detailed registration (詳細型登録).",
    );
  });

  it("consent: 確認しました must be checked", async () => {
    const parsed = consentSchema.safeParse({ confirmed: false });
    const message = parsed.error?.issues[0]?.message ?? "";
    expect(await textIn("ja", message)).toBe("内容を確認し、「確認しました」にチェックを入れてください。");
    expect(await textIn("en", message)).toBe("Read the document and tick “I have read it”.");
  });
});
