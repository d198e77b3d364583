// The payment sandbox's store (issue 12): where a konbini code or a 払込票 is "paid at the counter".
// Answers 404 unless the sandbox is the configured provider.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SandboxShell } from "@/components/sandbox/sandbox-shell";
import { SandboxStoreForm } from "@/components/sandbox/sandbox-store-form";
import { isSandboxProvider } from "@/lib/payments/sandbox/config";

export const metadata: Metadata = { title: "サンドボックスのコンビニ店頭" };

export default function SandboxStorePage() {
  if (!isSandboxProvider()) notFound();
  return (
    <SandboxShell>
      <h1 className="page-title">サンドボックスのコンビニ店頭</h1>
      <p>
        コンビニ払いの受付番号（セブン-イレブンは払込票番号）と確認番号、または払込票の番号を入力すると、お支払い内容が表示されます。「支払う」を押すと、店頭で現金で支払ったことになります。
      </p>
      <SandboxStoreForm />
    </SandboxShell>
  );
}
