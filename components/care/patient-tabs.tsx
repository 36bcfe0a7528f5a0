"use client";

import { usePathname } from "next/navigation";
import { TabLinks } from "@/components/ui/tab-links";

/** The sections of a patient's record; a client leaf only to know which one is showing. */
export function PatientTabs({ patientId }: { patientId: string }) {
  const pathname = usePathname();
  const base = `/patients/${patientId}`;
  const sections = [
    { href: base, label: "Progress" },
    { href: `${base}/routine`, label: "Routine" },
    { href: `${base}/history`, label: "Sessions and pain" },
    { href: `${base}/notes`, label: "Notes" },
  ];
  return (
    <TabLinks
      label="Patient record"
      tabs={sections.map((section) => ({ ...section, current: pathname === section.href }))}
    />
  );
}
