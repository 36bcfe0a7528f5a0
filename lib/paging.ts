/** A page number from the address: digits only, at least 1; anything else is page 1. */
export function pageNumber(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  return /^\d{1,6}$/.test(raw ?? "") ? Math.max(1, Number(raw)) : 1;
}

/** One page of a list; a page past the end (entries were deleted, an old link) shows the last page. */
export async function loadPage<T>(
  list: (page: number) => Promise<{ items: T[]; pages: number }>,
  requested: number,
): Promise<{ items: T[]; pages: number; page: number }> {
  const result = await list(requested);
  if (requested <= result.pages) return { ...result, page: requested };
  return { ...(await list(result.pages)), page: result.pages };
}
