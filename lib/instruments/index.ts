// The instruments this app ships. To add one (a clinic's licensed Oswestry, say): write
// lib/instruments/<name>.ts exporting an InstrumentDefinition (types.ts), add it to the list
// below, and add unit tests for every raw score. Forms, validation, storage, charts and the
// caseload read it from here; no other code changes. See docs/architecture.md.
import { groc } from "./groc";
import { psfs } from "./psfs";
import type { InstrumentDefinition } from "./types";

export type { InstrumentDefinition } from "./types";

export const instruments: readonly InstrumentDefinition[] = [psfs, groc];

export const instrumentIds = instruments.map((instrument) => instrument.id);

/** The instrument for an id as stored ("PSFS") or as in a URL ("psfs"); undefined if unknown. */
export function instrumentFor(id: string): InstrumentDefinition | undefined {
  const wanted = id.toUpperCase();
  return instruments.find((instrument) => instrument.id === wanted);
}

/** The URL segment of an instrument: /outcomes/psfs. */
export const instrumentSlug = (instrument: Pick<InstrumentDefinition, "id">) => instrument.id.toLowerCase();
