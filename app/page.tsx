import Link from "next/link";
import { redirect } from "next/navigation";
import { SafetyNotice } from "@/components/exercises/safety-notice";
import { buttonClasses } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/data/current-user";

export default async function LandingPage() {
  if (await getCurrentUser()) redirect("/home");
  return (
    <div className="space-y-8">
      <section className="space-y-4 py-6">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">
          Move your way out of hip and lower-back pain
        </h1>
        <p className="max-w-2xl text-lg text-slate-700">
          Follow a routine of gentle stretches and strengthening exercises with a guided hold timer, note how
          your pain changes, and share your progress with your physiotherapist when you choose to.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/exercises" className={buttonClasses("primary")}>
            Browse the exercises
          </Link>
          <Link href="/sign-up" className={buttonClasses("secondary")}>
            Create an account
          </Link>
        </div>
      </section>
      <SafetyNotice />
    </div>
  );
}
