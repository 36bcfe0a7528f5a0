import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { DiscardOtherQueues } from "@/components/offline/offline-queue";
import { getCurrentUser } from "@/lib/data/current-user";
import { signedInWithUnconfirmedEmail } from "@/lib/data/email-address";
import { MenuDisclosure } from "./menu-disclosure";

export async function SiteHeader() {
  const [user, unconfirmed] = await Promise.all([getCurrentUser(), signedInWithUnconfirmedEmail()]);
  const links = user
    ? user.role === "PHYSIO"
      ? [
          { href: "/caseload", label: "Caseload" },
          { href: "/exercises", label: "Exercises" },
          { href: "/account", label: "Account" },
          { href: "/settings", label: "Settings" },
        ]
      : [
          { href: "/today", label: "Today" },
          { href: "/progress", label: "Progress" },
          { href: "/history", label: "History" },
          { href: "/exercises", label: "Exercises" },
          { href: "/account", label: "Account" },
          { href: "/settings", label: "Settings" },
        ]
    : [{ href: "/exercises", label: "Exercises" }];
  // No prefetching: every page but the catalog is rendered per request and has no loading state,
  // so a prefetch gains a click almost nothing, while the header's eight links cost the server eight
  // requests on every page anyone opens (docs/decisions.md, "The header on a phone, and no prefetching
  // of its links").
  const linkClass =
    "min-h-11 content-center rounded-lg px-3 text-sm font-medium text-slate-700 no-underline hover:bg-slate-100";
  // The same links twice: in a row from 640 px up, and in the menu below that, where a row of six
  // links and the account would wrap onto three lines above every page. Only one is displayed.
  const navigation = (layout: "row" | "menu") => (
    <nav
      aria-label="Main"
      className={layout === "row" ? "hidden flex-wrap items-center gap-1 sm:flex" : "flex flex-col pt-2"}
    >
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          prefetch={false}
          className={layout === "row" ? linkClass : `${linkClass} text-base`}
        >
          {link.label}
        </Link>
      ))}
      {user ? (
        <>
          <span
            className={layout === "row" ? "px-3 text-sm text-slate-600" : "px-3 py-2 text-sm text-slate-600"}
          >
            Signed in as <span className="font-semibold text-slate-800">{user.name}</span>
          </span>
          <SignOutButton />
        </>
      ) : (
        <>
          <Link href="/sign-in" prefetch={false} className={linkClass}>
            Sign in
          </Link>
          <Link
            href="/sign-up"
            prefetch={false}
            className="min-h-11 content-center rounded-lg bg-brand-700 px-3 text-sm font-semibold text-white no-underline hover:bg-brand-800"
          >
            Create account
          </Link>
        </>
      )}
    </nav>
  );
  return (
    // data-session-chrome: hidden while a guided session runs (app/globals.css).
    <header data-session-chrome="" className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center gap-x-4 gap-y-1 px-4 py-2 sm:flex-wrap">
        <Link
          href={user ? "/home" : "/"}
          prefetch={false}
          className="mr-auto py-2 text-lg font-bold text-brand-800 no-underline"
        >
          Hip &amp; Back Coach
        </Link>
        {navigation("row")}
        <MenuDisclosure>{navigation("menu")}</MenuDisclosure>
        {user?.role === "PHYSIO" ? <DiscardOtherQueues userId={user.id} /> : null}
      </div>
      {unconfirmed ? (
        <div className="border-t border-amber-200 bg-amber-50">
          <p className="mx-auto max-w-5xl px-4 py-2 text-sm text-amber-950">
            Please confirm your e-mail address, so you can get back into your account if you forget your
            password. <Link href="/settings#email">Send yourself a link from Settings</Link>.
          </p>
        </div>
      ) : null}
    </header>
  );
}
