import Link from "next/link";

/**
 * A link to the "When to get help" page. `newTab` is for the guided session: its countdown and
 * the rating not yet saved live in the open page, so the help opens beside it instead of replacing it.
 */
export function HelpLink({
  newTab = false,
  className,
  children = "When to get help",
}: {
  newTab?: boolean;
  className?: string;
  children?: React.ReactNode;
}) {
  if (!newTab) {
    return (
      <Link href="/help" className={className}>
        {children}
      </Link>
    );
  }
  return (
    <a href="/help" target="_blank" rel="noopener" className={className}>
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}
