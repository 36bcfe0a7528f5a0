import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "No connection" };

// Shown by the service worker when a page needs the network and there is none. It is stored as a
// visitor without a session sees it, so it holds nothing about anyone.
export default function OfflinePage() {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">No connection</h1>
      <p className="text-slate-800">
        This page needs an internet connection, and this device does not have one right now. Try again when
        you are back online.
      </p>
      <p className="text-slate-800">
        If you were in the middle of a guided session and the page reloaded, the progress that had not been
        saved is gone, sorry. Sessions and check-ins you saved while offline are kept on this device and are
        sent as soon as the connection returns.
      </p>
      <p className="text-slate-800">
        The <Link href="/exercises">exercises</Link> and the <Link href="/help">help page</Link> you have
        opened before can still be read.
      </p>
    </div>
  );
}
