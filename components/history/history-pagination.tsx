import { Pagination } from "@/components/ui/pagination";
import type { HistoryTab } from "./history-tabs";

export function HistoryPagination({
  tab,
  page,
  pages,
  basePath = "/history",
}: {
  tab: HistoryTab;
  page: number;
  pages: number;
  basePath?: string;
}) {
  return <Pagination page={page} pages={pages} href={(target) => `${basePath}?tab=${tab}&page=${target}`} />;
}
