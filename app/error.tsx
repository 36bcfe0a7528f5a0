"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3 py-10">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-slate-700">Nothing you entered was lost on our side. Please try again.</p>
      <button
        type="button"
        onClick={reset}
        className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white"
      >
        Try again
      </button>
    </div>
  );
}
