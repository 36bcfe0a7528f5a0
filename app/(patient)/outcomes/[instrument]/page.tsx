import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { OutcomeForm } from "@/components/outcomes/outcome-form";
import { getOutcomeForm } from "@/lib/data/outcomes";
import { formatDate } from "@/lib/format";
import { instrumentFor } from "@/lib/instruments/index";

export const metadata: Metadata = { title: "Questionnaire" };

/** One questionnaire on one screen; getOutcomeForm answers "not found" for an unknown one. */
export default async function OutcomePage(props: PageProps<"/outcomes/[instrument]">) {
  const { instrument: slug } = await props.params;
  const form = await getOutcomeForm(slug);
  const instrument = instrumentFor(form.instrument);
  if (!instrument) return null;
  return (
    <div className="max-w-2xl space-y-4">
      <p>
        <Link href="/progress">← Progress</Link>
      </p>
      <h1 className="text-2xl font-bold">{instrument.name}</h1>
      <p className="text-slate-700">{instrument.description}</p>
      {form.due ? (
        <p className="rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm">
          Your physiotherapist asked for this on{" "}
          {formatDate(new Date(`${form.due.dueDate}T12:00:00Z`), "UTC")}.
        </p>
      ) : null}
      {form.mayAnswer ? (
        <OutcomeForm form={form} requestId={randomUUID()} />
      ) : (
        <p className="rounded-lg bg-slate-50 px-3 py-4">{form.reason}</p>
      )}
    </div>
  );
}
