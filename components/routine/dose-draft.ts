import { weekdayNames } from "@/lib/domain/schedule";

/** What a dose form holds while the patient types: numbers as typed, days as weekday indexes. */
export type DoseDraft = {
  sets: string;
  reps: string;
  holdSeconds: string;
  perSide: boolean;
  days: number[];
};

export function doseDraftOf(dose: {
  sets: number;
  reps: number;
  holdSeconds: number;
  perSide: boolean;
  daysOfWeek: number;
}): DoseDraft {
  return {
    sets: String(dose.sets),
    reps: String(dose.reps),
    holdSeconds: String(dose.holdSeconds),
    perSide: dose.perSide,
    days: weekdayNames.flatMap((_, day) => ((dose.daysOfWeek >> day) & 1 ? [day] : [])),
  };
}
