import { inputClasses } from "@/components/ui/field";
import {
  categoryLabels,
  exerciseCategories,
  startingPositionLabels,
  startingPositions,
} from "@/lib/catalog/exercises";
import type { CatalogFilter } from "@/lib/validation/catalog";

/** A GET form: filtering works without JavaScript and the URL can be shared. */
export function CatalogFilters({ filter }: { filter: CatalogFilter }) {
  return (
    <search>
      <form
        method="get"
        action="/exercises"
        aria-label="Filter exercises"
        className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-4 sm:items-end"
      >
        <div>
          <label htmlFor="filter-q" className="mb-1 block text-sm font-medium">
            Search
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={filter.q ?? ""}
            placeholder="e.g. glute"
            className={inputClasses}
          />
        </div>
        <div>
          <label htmlFor="filter-category" className="mb-1 block text-sm font-medium">
            Type
          </label>
          <select
            id="filter-category"
            name="category"
            defaultValue={filter.category ?? ""}
            className={inputClasses}
          >
            <option value="">All types</option>
            {exerciseCategories.map((category) => (
              <option key={category} value={category}>
                {categoryLabels[category]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-position" className="mb-1 block text-sm font-medium">
            Starting position
          </label>
          <select
            id="filter-position"
            name="position"
            defaultValue={filter.position ?? ""}
            className={inputClasses}
          >
            <option value="">Any position</option>
            {startingPositions.map((position) => (
              <option key={position} value={position}>
                {startingPositionLabels[position]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <button
            type="submit"
            className="min-h-11 flex-1 rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
          >
            Apply filters
          </button>
          <a
            href="/exercises"
            className="min-h-11 content-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 no-underline"
          >
            Clear
          </a>
        </div>
      </form>
    </search>
  );
}
