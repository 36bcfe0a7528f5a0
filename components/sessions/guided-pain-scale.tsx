import { FieldErrors } from "@/components/ui/field";

const ratings = Array.from({ length: 11 }, (_, rating) => rating);

function labelOf(rating: number): string {
  if (rating === 0) return "0 no pain";
  if (rating === 10) return "10 worst pain";
  return String(rating);
}

/**
 * 0-10 as eleven large radio buttons. Each input covers its tile, so a finger, a mouse, the arrow
 * keys and a screen reader all reach the real control.
 */
export function GuidedPainScale({
  name,
  legend,
  hint,
  value,
  onChange,
  errors,
}: {
  name: string;
  legend: string;
  hint?: string;
  value: number | null;
  onChange: (value: number) => void;
  errors?: string[];
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ");
  return (
    <fieldset aria-describedby={describedBy || undefined} className="space-y-2">
      <legend className="text-lg font-semibold text-slate-900">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <div className="grid grid-cols-6 gap-2 sm:grid-cols-11">
        {ratings.map((rating) => (
          <label key={rating} className="relative block">
            <input
              type="radio"
              name={name}
              value={rating}
              aria-label={labelOf(rating)}
              checked={value === rating}
              onChange={() => onChange(rating)}
              className="peer absolute inset-0 z-10 m-0 size-full cursor-pointer opacity-0"
            />
            <span className="flex min-h-14 flex-col items-center justify-center rounded-xl border-2 border-slate-300 bg-white px-1 text-center text-xl font-bold text-slate-900 peer-checked:border-brand-800 peer-checked:bg-brand-700 peer-checked:text-white peer-hover:border-brand-700 peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700">
              {rating}
              {rating === 0 || rating === 10 ? (
                <span className="text-[0.7rem] font-medium leading-tight">
                  {rating === 0 ? "no pain" : "worst"}
                </span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
