/** What a patient agrees to when they accept a physiotherapist's invitation, in plain words. */
export function WhatSharingMeans({ physioName }: { physioName: string }) {
  return (
    <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">If you accept, {physioName} will be able to:</h2>
      <ul className="list-disc space-y-1 pl-5 text-slate-800">
        <li>see your sessions, pain entries and progress charts, including what you logged before today;</li>
        <li>
          see your routine, and prescribe, adjust or stop exercises in it (every change shows who made it);
        </li>
        <li>comment on your sessions, and keep private clinical notes about your care.</li>
      </ul>
      <p className="text-slate-800">
        They will not see your password or your account settings. Every time they look at your data it is
        recorded, and you can see when under <strong>Account</strong>. You can end the link at any time; their
        access stops straight away, and they keep only the clinical notes they wrote up to then.
      </p>
    </div>
  );
}
