"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { type ProgressRange, progressRangeLabels } from "@/lib/domain/progress";
import { queryKeys } from "@/lib/query-keys";
import { AdherenceChart } from "./adherence-chart";
import { BeforeAfterChart } from "./before-after-chart";
import type { Audience } from "./chart-format";
import { fetchProgress, ProgressFetchError } from "./fetch-progress";
import { PainChart } from "./pain-chart";
import { PainResponseChart } from "./pain-response-chart";
import { RangeSwitch } from "./range-switch";
import { VolumeChart } from "./volume-chart";

const rangeStatus = (range: ProgressRange) =>
  `Showing ${range === "all" ? "all" : progressRangeLabels[range]}`;

type ProgressViewProps = {
  patientId: string;
  initialRange: ProgressRange;
  audience?: Audience;
};

/**
 * The progress charts with a period switch. The server renders the first period (prefetched and
 * hydrated); other periods come from the route handler without a page load, and the charts on
 * screen stay until the new numbers arrive.
 */
export function ProgressView({ patientId, initialRange, audience = "patient" }: ProgressViewProps) {
  const [range, setRange] = useState(initialRange);
  const query = useQuery({
    queryKey: queryKeys.progress(patientId, range),
    // A fetch for data already on screen is a refetch on focus or reconnect, not a new look.
    queryFn: ({ signal, client, queryKey }) =>
      fetchProgress(patientId, range, signal, client.getQueryData(queryKey) !== undefined),
    placeholderData: keepPreviousData,
    retry: (failures, error) => failures < 2 && !(error instanceof ProgressFetchError && error.status < 500),
  });
  const { data } = query;
  const loading = query.isPlaceholderData || (!data && query.isPending);
  const failed = query.isError && !query.isFetching;
  const status = loading && !failed ? "Loading…" : failed ? "" : rangeStatus(range);
  // Every chart takes its own slice of the data plus the period shown and who is reading.
  const shared = { range: data?.range ?? range, audience };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <RangeSwitch value={range} onChange={setRange} />
        <p role="status" aria-live="polite" className="min-h-6 text-sm text-slate-700">
          {status}
        </p>
      </div>
      {failed ? (
        <div
          role="alert"
          className="space-y-2 rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-red-900"
        >
          <p>
            {query.error instanceof ProgressFetchError && query.error.status === 401
              ? "Your session has ended. Sign in again to see your progress."
              : `The charts for ${progressRangeLabels[range].toLowerCase()} could not be loaded.`}
          </p>
          <Button variant="secondary" onClick={() => query.refetch()}>
            Try again
          </Button>
        </div>
      ) : null}
      {data ? (
        <div
          aria-busy={loading}
          className={`grid grid-cols-1 gap-6 transition-opacity md:grid-cols-2 ${loading ? "opacity-60" : ""}`}
        >
          <div className="min-w-0 md:col-span-2">
            <PainChart {...data.pain} {...shared} />
          </div>
          <BeforeAfterChart {...data.beforeAfter} {...shared} />
          <AdherenceChart {...data.adherence} {...shared} />
          <VolumeChart {...data.volume} {...shared} />
          <PainResponseChart {...data.painResponse} {...shared} />
          <p className="text-sm text-slate-700 md:col-span-2">
            Days and weeks (Monday to Sunday) follow the time zone {data.timeZone}.
          </p>
        </div>
      ) : null}
    </div>
  );
}
