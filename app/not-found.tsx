import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3 py-10">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-slate-700">There is nothing here, or it is not yours to see.</p>
      <Link href="/">Go to the start page</Link>
    </div>
  );
}
