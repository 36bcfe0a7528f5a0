import { redirect } from "next/navigation";
import { requireUser } from "@/lib/data/current-user";

export default async function HomeRedirect() {
  const user = await requireUser();
  redirect(user.role === "PHYSIO" ? "/caseload" : "/today");
}
