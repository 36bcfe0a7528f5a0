import type { SessionCommentView } from "@/lib/data/clinical-notes";
import { formatDateTime } from "@/lib/format";

export function SessionComments({
  comments,
  timeZone,
  audience,
}: {
  comments: SessionCommentView[];
  timeZone: string;
  audience: "patient" | "physio";
}) {
  if (comments.length === 0) return null;
  return (
    <section aria-label="Comments" className="space-y-2 rounded-lg bg-brand-50 p-3">
      <ul className="space-y-2">
        {comments.map((comment) => (
          <li key={comment.id} className="text-sm">
            <p className="font-medium">
              {audience === "patient" ? `Your physiotherapist ${comment.author}` : comment.author} commented{" "}
              <span className="font-normal text-slate-700">
                on{" "}
                <time dateTime={comment.createdAt.toISOString()}>
                  {formatDateTime(comment.createdAt, timeZone)}
                </time>
              </span>
            </p>
            <p className="whitespace-pre-line break-words">{comment.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
