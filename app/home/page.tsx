import { redirect } from "next/navigation";
import { requireUser } from "@/lib/data/session";

export default async function HomeRedirect() {
  const user = await requireUser();
  redirect(user.role === "PHYSIO" ? "/caseload" : "/today");
}
