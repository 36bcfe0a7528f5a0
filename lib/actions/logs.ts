"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  discardGuidedDraft,
  finishGuidedSession,
  guidedDraftMaxLength,
  guidedDraftTooLarge,
  saveGuidedDraft,
  setGuidedLeadIn,
} from "@/lib/data/guided-session";
import {
  deletePainEntry,
  editPainEntry,
  getPainAdvice,
  recordCheckIn,
  restorePainEntry,
  setMainPainArea,
} from "@/lib/data/pain";
import { deleteSession, editSession, logSession, restoreSession } from "@/lib/data/sessions";
import {
  checkInSchema,
  guidedLeadInSchema,
  mainPainAreaSchema,
  painEntryEditSchema,
  recordRefSchema,
  sessionEditSchema,
  sessionSchema,
} from "@/lib/validation/logs";
import { createAction } from "./action";

/** Pages that show a patient's logs. */
function refreshLogViews(): void {
  for (const path of ["/today", "/history"]) revalidatePath(path);
}

export const logSessionAction = createAction(
  "PATIENT",
  sessionSchema(),
  async (input) => {
    const result = await logSession(input, "QUICK_LOG");
    refreshLogViews();
    return {
      ok: true,
      message: result.created ? "Session saved." : "This session was already saved.",
      painAdvice: await getPainAdvice({ sessionId: result.id }),
    };
  },
  "SESSION_LOGGED",
);

export const editSessionAction = createAction(
  "PATIENT",
  sessionEditSchema(),
  async (input) => {
    await editSession(input.id, input);
    refreshLogViews();
    return { ok: true, message: "Session updated. The earlier version is kept." };
  },
  "SESSION_EDITED",
);

export const deleteSessionAction = createAction(
  "PATIENT",
  recordRefSchema,
  async (input) => {
    await deleteSession(input.id, input.clientRequestId);
    refreshLogViews();
    return { ok: true, message: "Session deleted." };
  },
  "SESSION_DELETED",
);

export const restoreSessionAction = createAction(
  "PATIENT",
  recordRefSchema,
  async (input) => {
    await restoreSession(input.id, input.clientRequestId);
    refreshLogViews();
    return { ok: true, message: "Session restored." };
  },
  "SESSION_RESTORED",
);

export const checkInAction = createAction(
  "PATIENT",
  checkInSchema(),
  async (input) => {
    const result = await recordCheckIn(input);
    refreshLogViews();
    return {
      ok: true,
      message: result.created ? "Check-in saved. Thank you." : "This check-in was already saved.",
      painAdvice: await getPainAdvice({ entryIds: result.ids }),
    };
  },
  "PAIN_CHECK_IN",
);

export const editPainEntryAction = createAction(
  "PATIENT",
  painEntryEditSchema(),
  async (input) => {
    await editPainEntry(input);
    refreshLogViews();
    return { ok: true, message: "Pain entry updated. The earlier version is kept." };
  },
  "PAIN_EDITED",
);

export const deletePainEntryAction = createAction(
  "PATIENT",
  recordRefSchema,
  async (input) => {
    await deletePainEntry(input.id, input.clientRequestId);
    refreshLogViews();
    return { ok: true, message: "Pain entry deleted." };
  },
  "PAIN_DELETED",
);

export const restorePainEntryAction = createAction(
  "PATIENT",
  recordRefSchema,
  async (input) => {
    await restorePainEntry(input.id, input.clientRequestId);
    refreshLogViews();
    return { ok: true, message: "Pain entry restored." };
  },
  "PAIN_RESTORED",
);

const draftSchema = z.object({
  startedAt: z.coerce.date(),
  state: z.string().max(guidedDraftMaxLength, guidedDraftTooLarge),
});

export const saveGuidedDraftAction = createAction(
  "PATIENT",
  draftSchema,
  async (input) => {
    await saveGuidedDraft(input.startedAt, input.state);
    return { ok: true };
  },
  "GUIDED_DRAFT_SAVED",
);

export const discardGuidedDraftAction = createAction(
  "PATIENT",
  z.object({}),
  async () => {
    await discardGuidedDraft();
    return { ok: true };
  },
  "GUIDED_DRAFT_DISCARDED",
);

// The player stamps the start with the phone's clock, which may run a little fast: allow ten
// minutes of skew and never store a start in the future.
const guidedSessionSchema = sessionSchema(() => new Date(Date.now() + 10 * 60_000));

export const finishGuidedSessionAction = createAction(
  "PATIENT",
  guidedSessionSchema,
  async (input) => {
    const now = new Date();
    const result = await finishGuidedSession({
      ...input,
      startedAt: input.startedAt > now ? now : input.startedAt,
    });
    refreshLogViews();
    return {
      ok: true,
      message: result.created ? "Session saved. Well done." : "This session was already saved.",
      painAdvice: await getPainAdvice({ sessionId: result.id }),
    };
  },
  "GUIDED_SESSION_FINISHED",
);

export const setMainPainAreaAction = createAction(
  "PATIENT",
  mainPainAreaSchema,
  async (input) => {
    await setMainPainArea(input.mainPainArea ?? null);
    for (const path of ["/account", "/log", "/session"]) revalidatePath(path);
    return { ok: true, message: "Main pain area saved." };
  },
  "MAIN_PAIN_AREA_SET",
);

/** The patient's "get into position" time before holds, set from the guided session screen. */
export const setGuidedLeadInAction = createAction(
  "PATIENT",
  guidedLeadInSchema,
  async (input) => {
    await setGuidedLeadIn(input.leadInSeconds);
    revalidatePath("/session");
    return {
      ok: true,
      message:
        input.leadInSeconds === 0
          ? "Lead-in turned off: holds start as soon as you press Start."
          : `Lead-in saved: ${input.leadInSeconds} seconds to get into position before each exercise and side.`,
    };
  },
  "GUIDED_LEAD_IN_SET",
);
