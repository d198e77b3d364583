"use client";
// What a person sees when a page or a server action fails unexpectedly (the database is down, a
// bug): a plain message in the page's language and a way to try again, instead of the framework's
// English error screen. Nothing about the failure itself is shown; the server log has it (its
// digest is here). Its words are common.site.error: the root layout sends common.site to every page.
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { PublicFrame } from "@/components/layout/public-frame";
import { withRuby } from "@/lib/i18n/ruby";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("common.site.error");
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <PublicFrame>
      <h1 className="page-title" ref={headingRef} tabIndex={-1}>
        {withRuby(t("title"))}
      </h1>
      <p>{withRuby(t("body"))}</p>
      {error.digest ? <p>{withRuby(t("digest", { digest: error.digest }))}</p> : null}
      <p>
        <button type="button" className="button button--primary" onClick={() => reset()}>
          {withRuby(t("retry"))}
        </button>
      </p>
      <p>
        <a href="/login">{withRuby(t("toLogin"))}</a>
      </p>
    </PublicFrame>
  );
}
