"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";

/** A minute: long enough that data the server just rendered is not fetched again on hydration. */
const staleTime = 60_000;

function makeQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime } } });
}

/**
 * One QueryClient per browser session (kept in state, so a re-render never empties the cache).
 * Pages prefetch on the server and hand the result over with
 * `<HydrationBoundary state={dehydrate(queryClient)}>` around their client view.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
