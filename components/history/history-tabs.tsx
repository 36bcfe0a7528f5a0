import { TabLinks } from "@/components/ui/tab-links";

export type HistoryTab = "sessions" | "pain";

const tabs: { tab: HistoryTab; label: string }[] = [
  { tab: "sessions", label: "Sessions" },
  { tab: "pain", label: "Pain entries" },
];

/** Sessions and pain entries, at /history for the patient or under a patient's record for a physiotherapist. */
export function HistoryTabs({ current, basePath = "/history" }: { current: HistoryTab; basePath?: string }) {
  return (
    <TabLinks
      label="History sections"
      tabs={tabs.map(({ tab, label }) => ({
        href: `${basePath}?tab=${tab}`,
        label,
        current: tab === current,
      }))}
    />
  );
}
