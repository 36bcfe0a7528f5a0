"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useRef, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { triageRules } from "@/lib/domain/caseload";
import { plural } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import {
  type CaseloadFilter,
  type CaseloadFlagFilter,
  type CaseloadSort,
  caseloadFlagFilterLabels,
  caseloadFlagFilters,
  caseloadPageSize,
  caseloadSortLabels,
  caseloadSorts,
  defaultCaseloadFilter,
  filterCaseload,
  paginate,
} from "./caseload-filter";
import { CaseloadPagination } from "./caseload-pagination";
import { CaseloadCards, CaseloadTable } from "./caseload-patients";
import { CaseloadFetchError, fetchCaseload } from "./fetch-caseload";

const refreshInterval = 60_000;

const isSessionEnded = (error: unknown) => error instanceof CaseloadFetchError && error.status === 401;

const patients = (count: number) => plural(count, "patient");

type CaseloadViewProps = {
  /** The physiotherapist's zone, for "Updated HH:MM" (the same on the server and in the browser). */
  timeZone: string;
};

/**
 * The caseload with search, flag filter, sort and pages, all in the browser. The server renders the
 * first copy (prefetched and hydrated); the list refreshes in the background every minute and when
 * the window regains focus, and a failed refresh keeps the rows already on screen.
 */
export function CaseloadView({ timeZone }: CaseloadViewProps) {
  const [filter, setFilter] = useState<CaseloadFilter>(defaultCaseloadFilter);
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: queryKeys.caseload(),
    // A fetch for data already on screen is the timer's (or focus's) refresh, not a new look.
    queryFn: ({ signal, client, queryKey }) =>
      fetchCaseload(signal, client.getQueryData(queryKey) !== undefined),
    refetchInterval: (current) => (isSessionEnded(current.state.error) ? false : refreshInterval),
    refetchOnWindowFocus: true,
    retry: (failures, error) => failures < 2 && !(error instanceof CaseloadFetchError && error.status < 500),
  });
  const id = useId();
  const searchInput = useRef<HTMLInputElement>(null);

  // Any change of search, filter or order starts again from the first page.
  const change = (next: Partial<CaseloadFilter>) => {
    setFilter((previous) => ({ ...previous, ...next }));
    setPage(1);
  };

  const rows = query.data;
  // Stays up while a retry runs, so the button keeps focus and says what is going on.
  const failed = query.isError;
  const retrying = failed && query.isFetching;
  const refreshing = query.isFetching && !query.isPending;
  const updated = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone });

  const alert = failed ? (
    <div role="alert" className="space-y-2 rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-red-900">
      {isSessionEnded(query.error) ? (
        <p>
          Your session has ended. <Link href="/sign-in?callbackUrl=%2Fcaseload">Sign in again</Link> to see
          your patients.
        </p>
      ) : (
        <>
          <p>
            The list could not be refreshed.
            {rows ? " It shows what was loaded last." : ""}
          </p>
          <Button
            variant="secondary"
            aria-disabled={retrying}
            onClick={() => {
              if (!retrying) query.refetch();
            }}
          >
            {retrying ? "Trying again…" : "Try again"}
          </Button>
        </>
      )}
    </div>
  ) : null;

  if (!rows) {
    return (
      <div className="space-y-4">
        {alert}
        {query.isPending ? <p className="text-slate-700">Loading your patients…</p> : null}
      </div>
    );
  }

  const freshness = (
    <p className="text-sm text-slate-600">
      Updated {updated.format(query.dataUpdatedAt)}
      <span aria-live="polite">{refreshing ? " · Refreshing…" : ""}</span>
    </p>
  );

  if (rows.length === 0) {
    return (
      <div className="space-y-4">
        {alert}
        <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
          <p>No patients are linked to you yet. A patient appears here once they accept your invitation.</p>
          <p>
            Invite a patient by e-mail: once they accept, you see their activity, adherence and pain here,
            with a flag when someone may need you.
          </p>
          <Link href="/caseload/invite" className={buttonClasses("primary")}>
            Invite a patient
          </Link>
        </div>
        {freshness}
      </div>
    );
  }

  const matching = filterCaseload(rows, filter);
  const current = paginate(matching, page, caseloadPageSize);
  const sortLabel = caseloadSortLabels[filter.sort].toLowerCase();
  const pageNote = current.pages > 1 ? `, page ${current.page} of ${current.pages}` : "";
  const listLabel = `Your patients, ${sortLabel}${pageNote}`;
  const filtered = filter.search.trim() !== "" || filter.flag !== "all";

  return (
    <div className="space-y-4">
      <search>
        <div className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3 sm:items-end">
          <div>
            <label htmlFor={`${id}-search`} className="mb-1 block text-sm font-medium text-slate-800">
              Search by name
            </label>
            <input
              ref={searchInput}
              id={`${id}-search`}
              type="search"
              autoComplete="off"
              value={filter.search}
              onChange={(event) => change({ search: event.target.value })}
              className={inputClasses}
            />
          </div>
          <div>
            <label htmlFor={`${id}-flag`} className="mb-1 block text-sm font-medium text-slate-800">
              Show
            </label>
            <select
              id={`${id}-flag`}
              value={filter.flag}
              onChange={(event) => change({ flag: event.target.value as CaseloadFlagFilter })}
              className={inputClasses}
            >
              {caseloadFlagFilters.map((flag) => (
                <option key={flag} value={flag}>
                  {caseloadFlagFilterLabels[flag]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-sort`} className="mb-1 block text-sm font-medium text-slate-800">
              Sort by
            </label>
            <select
              id={`${id}-sort`}
              value={filter.sort}
              onChange={(event) => change({ sort: event.target.value as CaseloadSort })}
              className={inputClasses}
            >
              {caseloadSorts.map((sort) => (
                <option key={sort} value={sort}>
                  {caseloadSortLabels[sort]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </search>

      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <p role="status" aria-live="polite" className="text-sm font-medium text-slate-800">
          Showing {matching.length} of {patients(rows.length)}
        </p>
        {freshness}
      </div>

      {alert}

      {filter.sort === "attention" ? <TriageRules /> : null}

      {matching.length === 0 ? (
        <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
          <p>No patients match this search and filter.</p>
          {filtered ? (
            <Button
              variant="secondary"
              onClick={() => {
                change({ search: "", flag: "all" });
                // The button disappears with the empty result; the search box is where to go next.
                searchInput.current?.focus();
              }}
            >
              Clear search and filter
            </Button>
          ) : null}
        </div>
      ) : (
        <>
          <div className="hidden lg:block">
            <CaseloadTable rows={current.items} caption={listLabel} />
          </div>
          <div className="lg:hidden">
            <CaseloadCards rows={current.items} label={listLabel} />
          </div>
        </>
      )}

      <CaseloadPagination page={current.page} pages={current.pages} onPageChange={setPage} />
    </div>
  );
}

/** The order the list is in, stated, so the physiotherapist can weigh it with their own judgement. */
function TriageRules() {
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-3 text-sm text-slate-800" open>
      <summary className="cursor-pointer font-medium">Sorted by these rules, in order</summary>
      <ol className="mt-2 list-decimal space-y-1 pl-6">
        {triageRules.map((rule) => (
          <li key={rule}>{rule.charAt(0).toUpperCase() + rule.slice(1)}</li>
        ))}
      </ol>
      <p className="mt-2 text-slate-600">
        The flags state what was logged and the rule it met. They support your judgement; nobody watches them
        in real time.
      </p>
    </details>
  );
}
