import { Pagination } from "@/components/ui/pagination";
import type { HistoryTab } from "./history-tabs";

export function HistoryPagination({
  tab,
  page,
  pages,
  basePath = "/history",
  showDeleted = false,
}: {
  tab: HistoryTab;
  page: number;
  pages: number;
  basePath?: string;
  showDeleted?: boolean;
}) {
  const filter = showDeleted ? "&show=deleted" : "";
  return (
    <Pagination
      page={page}
      pages={pages}
      href={(target) => `${basePath}?tab=${tab}${filter}&page=${target}`}
    />
  );
}
