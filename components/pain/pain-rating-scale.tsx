import { FieldErrors } from "@/components/ui/field";

const ratings = Array.from({ length: 11 }, (_, rating) => rating);

type Choice = { value: string; text: string; name: string };

/**
 * A 0-10 rating as a group of radio buttons drawn as compact buttons. The input covers its button,
 * so a pointer, a keyboard and assistive technology all reach the real control.
 */
export function PainRatingScale({
  name,
  legend,
  idPrefix = name,
  checked,
  defaultChecked,
  onChange,
  allowNotRated = false,
  errors,
}: {
  name: string;
  legend: string;
  idPrefix?: string;
  /** Controlled value ("" = not rated). */
  checked?: string;
  /** Uncontrolled starting value ("" = not rated). */
  defaultChecked?: string;
  onChange?: (value: string) => void;
  allowNotRated?: boolean;
  errors?: string[];
}) {
  const errorId = `${idPrefix}-error`;
  const choices: Choice[] = ratings.map((rating) => ({
    value: String(rating),
    text: String(rating),
    name: `${legend} ${rating} of 10`,
  }));
  if (allowNotRated) choices.push({ value: "", text: "Not rated", name: `${legend} not rated` });
  const controlled = checked !== undefined;
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-sm font-semibold text-slate-900">{legend}</legend>
      <div className="mt-2 grid grid-cols-6 gap-1.5 sm:grid-cols-12">
        {choices.map((choice) => (
          <label key={choice.value} className="relative block">
            <input
              type="radio"
              name={name}
              value={choice.value}
              aria-label={choice.name}
              {...(controlled
                ? { checked: checked === choice.value, onChange: () => onChange?.(choice.value) }
                : { defaultChecked: (defaultChecked ?? "") === choice.value })}
              className="peer absolute inset-0 z-10 m-0 size-full cursor-pointer opacity-0"
            />
            <span
              className={`flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-1 text-center font-semibold text-slate-900 peer-hover:border-brand-700 peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700 ${choice.value === "" ? "text-xs leading-tight peer-checked:border-slate-600 peer-checked:bg-slate-200" : "text-base peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white"}`}
            >
              {choice.text}
            </span>
          </label>
        ))}
      </div>
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
