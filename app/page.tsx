// The site root sends each person where they belong.
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/dal/session";

export default async function RootPage() {
  const session = await getCurrentSession();
  redirect(session?.role === "STAFF" ? "/staff" : session ? "/menu" : "/login");
}
