/** The form-level result, announced to screen readers when it changes. */
export function FormMessage({ ok, message }: { ok: boolean; message?: string }) {
  return (
    <div aria-live="polite" role="status">
      {message ? (
        <p
          className={`rounded-lg border px-3 py-2 text-sm ${ok ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900"}`}
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}
