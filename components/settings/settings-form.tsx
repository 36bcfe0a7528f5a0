"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldErrors, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { saveSettingsAction } from "@/lib/actions/settings";
import { type PainRegion, painRegionLabels, painRegions } from "@/lib/validation/fields";

type Props = {
  name: string;
  timeZone: string;
  /** Undefined for a physiotherapist: the field is not shown. */
  mainPainArea?: PainRegion | null;
  /** Every IANA zone name, for the searchable list. */
  zones: string[];
};

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

export function SettingsForm({ name, timeZone, mainPainArea, zones }: Props) {
  const [state, formAction] = useActionState(saveSettingsAction, initialActionState);
  const [pending, startTransition] = useTransition();
  // Controlled fields: React resets a form's uncontrolled fields after its action, which would show
  // the values from before the save.
  const [nameValue, setNameValue] = useState(name);
  const [zone, setZone] = useState(timeZone);
  const [area, setArea] = useState<string>(mainPainArea ?? "");
  const [deviceZone, setDeviceZone] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const zoneRef = useRef<HTMLInputElement>(null);
  // The browser's zone is only known in the browser: read it after the first render.
  useEffect(() => setDeviceZone(Intl.DateTimeFormat().resolvedOptions().timeZone || null), []);
  // After saving, keyboard and screen-reader users land on the result, or on the first bad field.
  useEffect(() => {
    if (!state.message) return;
    const firstBad = ["name", "timeZone", "mainPainArea"].find((field) => state.errors?.[field]?.length);
    const target = firstBad ? document.getElementById(`field-${firstBad}`) : messageRef.current;
    target?.focus();
  }, [state]);

  const zoneErrors = state.errors?.timeZone;
  const areaErrors = state.errors?.mainPainArea;
  return (
    <form
      action={formAction}
      // Submitted by hand: React resets a form after its `action` runs, and a reset <select> shows
      // its first option even though the saved value is kept in state.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="space-y-5"
      noValidate
    >
      <div ref={messageRef} tabIndex={-1} className="outline-none">
        <FormMessage ok={state.ok} message={state.message} />
      </div>
      <Field
        name="name"
        label="Your name"
        autoComplete="name"
        required
        maxLength={100}
        value={nameValue}
        onChange={(event) => setNameValue(event.target.value)}
        hint={
          mainPainArea === undefined
            ? "Shown at the top of every page, and to the patients you invite and follow."
            : "Shown at the top of every page, and to the physiotherapists you share your data with."
        }
        errors={state.errors?.name}
      />
      <div>
        <label htmlFor="field-timeZone" className="mb-1 block text-sm font-medium text-slate-800">
          Time zone
        </label>
        <input
          ref={zoneRef}
          id="field-timeZone"
          name="timeZone"
          list="time-zone-names"
          autoComplete="off"
          spellCheck={false}
          required
          value={zone}
          onChange={(event) => setZone(event.target.value)}
          aria-invalid={zoneErrors?.length ? true : undefined}
          aria-describedby={describedBy(
            "field-timeZone-hint",
            Boolean(zoneErrors?.length) && "field-timeZone-error",
          )}
          className={inputClasses}
        />
        <datalist id="time-zone-names">
          {zones.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <p id="field-timeZone-hint" className="mt-1 text-sm text-slate-600">
          Type a city or region to search, like “London” or “America/New_York”. Your days are counted in this
          zone from the moment you save.
        </p>
        <FieldErrors id="field-timeZone-error" errors={zoneErrors} />
        {deviceZone && deviceZone !== zone ? (
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <span>This device is set to {deviceZone}.</span>
            <Button
              variant="secondary"
              onClick={() => {
                setZone(deviceZone);
                zoneRef.current?.focus();
              }}
            >
              Use {deviceZone}
            </Button>
          </div>
        ) : null}
      </div>
      {mainPainArea !== undefined ? (
        <div>
          <label htmlFor="field-mainPainArea" className="mb-1 block text-sm font-medium text-slate-800">
            Main problem area
          </label>
          <select
            id="field-mainPainArea"
            name="mainPainArea"
            value={area}
            onChange={(event) => setArea(event.target.value)}
            aria-invalid={areaErrors?.length ? true : undefined}
            aria-describedby={describedBy(
              "field-mainPainArea-hint",
              Boolean(areaErrors?.length) && "field-mainPainArea-error",
            )}
            className={inputClasses}
          >
            <option value="">Not set</option>
            {painRegions.map((region) => (
              <option key={region} value={region}>
                {painRegionLabels[region]}
              </option>
            ))}
          </select>
          <p id="field-mainPainArea-hint" className="mt-1 text-sm text-slate-600">
            Pain you rate before and after a session is about this area unless you choose another.
          </p>
          <FieldErrors id="field-mainPainArea-error" errors={areaErrors} />
        </div>
      ) : null}
      <SubmitButton pendingLabel="Saving…" pending={pending}>
        Save settings
      </SubmitButton>
    </form>
  );
}
