/** "pain-ratings-2026-12-02.csv": what the file holds and the day (UTC) it was made; never a name. */
export function exportFilename(what: string, extension: string, now = new Date()): string {
  return `${what}-${now.toISOString().slice(0, 10)}.${extension}`;
}
