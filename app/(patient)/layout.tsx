import type { ReactNode } from "react";
import { CareTeamNotices } from "@/components/care/care-team-notices";
import { QueryProvider } from "@/components/providers/query-provider";

export default function PatientLayout({ children }: { children: ReactNode }) {
  return (
    <QueryProvider>
      <CareTeamNotices />
      {children}
    </QueryProvider>
  );
}
