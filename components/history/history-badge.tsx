const tones = {
  neutral: "border-slate-300 bg-white text-slate-700",
  brand: "border-brand-100 bg-brand-50 text-brand-800",
  deleted: "border-slate-700 bg-slate-700 text-white",
} as const;

export function HistoryBadge({
  tone = "neutral",
  children,
}: {
  tone?: keyof typeof tones;
  children: string;
}) {
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-semibold ${tones[tone]}`}>
      {children}
    </span>
  );
}
