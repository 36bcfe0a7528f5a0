import type { ReactNode } from "react";
import { CareTeamNotices } from "@/components/care/care-team-notices";
import { OfflineQueueProvider } from "@/components/offline/offline-queue";
import { QueryProvider } from "@/components/providers/query-provider";
import { getCurrentUser } from "@/lib/data/current-user";

export default async function PatientLayout({ children }: { children: ReactNode }) {
  // The pages check the caller themselves; the layout only names whose offline queue this is.
  const user = await getCurrentUser();
  return (
    <QueryProvider>
      <OfflineQueueProvider userId={user?.role === "PATIENT" ? user.id : null}>
        <CareTeamNotices />
        {children}
      </OfflineQueueProvider>
    </QueryProvider>
  );
}
