"use client";
// What a person sees when a page or a server action fails unexpectedly (the database is down, a
// bug): a plain Japanese message and a way to try again, instead of the framework's English error
// screen. Nothing about the failure itself is shown; the server log has it (its digest is here).
import { useEffect, useRef } from "react";
import { PublicFrame } from "@/components/layout/public-frame";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <PublicFrame>
      <h1 className="page-title" ref={headingRef} tabIndex={-1}>
        処理を完了できませんでした
      </h1>
      <p>
        一時的な問題のため、処理を完了できませんでした。入力した内容は、保存が完了したところまで残っています。
        しばらくしてから、もう一度お試しください。
      </p>
      {error.digest ? <p>お問い合わせの際は、次の番号をお伝えください：{error.digest}</p> : null}
      <p>
        <button type="button" className="button button--primary" onClick={() => reset()}>
          もう一度試す
        </button>
      </p>
      <p>
        <a href="/login">ログイン画面へ</a>
      </p>
    </PublicFrame>
  );
}
