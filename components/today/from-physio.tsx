import Link from "next/link";
import type { RecentComment } from "@/lib/data/clinical-notes";
import { formatDate, formatDateTime } from "@/lib/format";

/** The latest comments a physiotherapist left on the patient's sessions. */
export function FromPhysio({ comments, timeZone }: { comments: RecentComment[]; timeZone: string }) {
  if (comments.length === 0) return null;
  return (
    <section aria-labelledby="from-physio-heading" className="space-y-3">
      <h2 id="from-physio-heading" className="text-lg font-semibold">
        From your physiotherapist
      </h2>
      <ul className="space-y-3">
        {comments.map((comment) => (
          <li key={comment.id} className="space-y-1 rounded-xl border border-brand-100 bg-brand-50 p-4">
            <p className="text-sm text-slate-700">
              {comment.author} wrote on{" "}
              <time dateTime={comment.createdAt.toISOString()}>
                {formatDateTime(comment.createdAt, timeZone)}
              </time>
              {comment.sessionStartedAt
                ? `, about your session of ${formatDate(comment.sessionStartedAt, timeZone)}`
                : ""}
            </p>
            <p className="whitespace-pre-line break-words">{comment.body}</p>
          </li>
        ))}
      </ul>
      <p className="text-sm">
        <Link href="/history">See your sessions and every comment</Link>
      </p>
    </section>
  );
}
