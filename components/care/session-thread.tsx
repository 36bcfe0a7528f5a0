import { randomUUID } from "node:crypto";
import Link from "next/link";
import { yourPhysio } from "@/components/care/physio-name";
import { ActionButton } from "@/components/ui/action-button";
import {
  addSessionCommentAction,
  addSessionReplyAction,
  deleteSessionMessageAction,
  editSessionMessageAction,
} from "@/lib/actions/care";
import type { SessionCommentView } from "@/lib/data/clinical-notes";
import { formatDateTime } from "@/lib/format";
import { ThreadMessageForm } from "./thread-message-form";

function authorLabel(message: SessionCommentView, audience: "patient" | "physio"): string {
  if (message.mine) return "You";
  if (message.authorRole === "PHYSIO") {
    return audience === "patient" ? yourPhysio(message.author) : message.author;
  }
  return audience === "physio" ? `${message.author} (patient)` : message.author;
}

/**
 * A session's thread, newest message last, seen the same by the patient and their linked
 * physiotherapists. The patient can answer once a physiotherapist has written; each author can
 * edit or delete their own message for 24 hours.
 */
export function SessionThread({
  messages,
  patientId,
  sessionId,
  timeZone,
  audience,
  description,
}: {
  messages: SessionCommentView[];
  /** Whose session: the patient's own id, or the one a physiotherapist is looking at. */
  patientId: string | null;
  sessionId: string;
  timeZone: string;
  audience: "patient" | "physio";
  /** "session of 2 Dec 2026, 08:00", for names that tell several threads apart. */
  description: string;
}) {
  const canReply = audience === "physio" || messages.some((message) => message.authorRole === "PHYSIO");
  if (!canReply || !patientId) return null;
  const noteId = `thread-note-${sessionId}`;
  const started = messages.length > 0;
  return (
    <section
      aria-label={`Messages about the ${description}`}
      className="space-y-3 rounded-lg bg-brand-50 p-3"
    >
      {started ? (
        <ol className="space-y-3" aria-label="Messages, newest last">
          {messages.map((message) => (
            <li key={message.id} className="space-y-1 text-sm">
              <p className="font-medium">
                {authorLabel(message, audience)}{" "}
                <span className="font-normal text-slate-700">
                  <time dateTime={message.createdAt.toISOString()}>
                    {formatDateTime(message.createdAt, timeZone)}
                  </time>
                  {message.edited ? " · edited" : ""}
                </span>
              </p>
              <p className="whitespace-pre-line break-words">{message.body}</p>
              {message.editableUntil ? (
                <details className="rounded-lg border border-slate-200 bg-white">
                  <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-semibold text-brand-800">
                    Edit or delete
                    <span className="sr-only">
                      {" "}
                      your message of {formatDateTime(message.createdAt, timeZone)}
                    </span>
                  </summary>
                  <div className="space-y-3 border-t border-slate-200 p-3">
                    <p className="text-sm text-slate-700">
                      Possible until {formatDateTime(message.editableUntil, timeZone)}. The earlier text is
                      kept.
                    </p>
                    <ThreadMessageForm
                      action={editSessionMessageAction}
                      fields={{ patientId, commentId: message.id }}
                      label="Your message"
                      submitLabel="Save changes"
                      defaultBody={message.body}
                      requestId={randomUUID()}
                    />
                    <ActionButton
                      action={deleteSessionMessageAction}
                      fields={{ patientId, commentId: message.id, clientRequestId: randomUUID() }}
                      label="Delete message"
                      pendingLabel="Deleting…"
                      variant="danger"
                    />
                  </div>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      <details className="rounded-lg border border-slate-200 bg-white">
        <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-semibold text-brand-800">
          {audience === "physio" ? "Comment" : "Reply"}
          <span className="sr-only"> on the {description}</span>
        </summary>
        <div className="space-y-2 border-t border-slate-200 p-3">
          <p id={noteId} className="text-sm text-slate-700">
            Messages are not watched for urgent problems. If you are worried about your symptoms, see{" "}
            <Link href="/help">When to get help</Link>.
          </p>
          {audience === "physio" ? (
            <ThreadMessageForm
              action={addSessionCommentAction}
              fields={{ patientId, sessionId }}
              label="Comment for the patient"
              submitLabel="Save comment"
              requestId={randomUUID()}
              describedBy={noteId}
            />
          ) : (
            <ThreadMessageForm
              action={addSessionReplyAction}
              fields={{ patientId, sessionId }}
              label="Your reply to your physiotherapist"
              submitLabel="Send reply"
              requestId={randomUUID()}
              describedBy={noteId}
            />
          )}
        </div>
      </details>
    </section>
  );
}
