import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CaseloadRow } from "@/lib/data/caseload";

const fetchCaseload = vi.hoisted(() => vi.fn<() => Promise<CaseloadRow[]>>());
vi.mock("@/components/caseload/fetch-caseload", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/components/caseload/fetch-caseload")>()),
  fetchCaseload,
}));

const { CaseloadView } = await import("@/components/caseload/caseload-view");
const { queryKeys } = await import("@/lib/query-keys");
const { areaPain, caseloadRow } = await import("../support/caseload-rows");
const { renderWithQueries, testQueryClient } = await import("../support/render-with-queries");

const zoe = caseloadRow({ name: "Zoë Ångström", attention: 410_300 }, ["PAIN_FLARE"]);
const jose = caseloadRow({ name: "José Núñez", attention: 210_000 }, ["LOW_ADHERENCE"]);
const alex = caseloadRow({
  name: "alex morgan",
  attention: 500,
  pain: [areaPain(7, "2026-03-02T18:00:00.000Z")],
});
const bea = caseloadRow({ name: "Bea Castro", attention: 300 });
const rows = [zoe, jose, alex, bea];

/** The caseload as the server hands it over: already in the cache when the view first renders. */
function renderCaseload() {
  const queryClient = testQueryClient();
  queryClient.setQueryData(queryKeys.caseload(), rows);
  return renderWithQueries(<CaseloadView timeZone="Europe/London" />, queryClient);
}

/** Patient names in the order the table lists them. */
const listedNames = () =>
  within(screen.getByRole("table"))
    .getAllByRole("rowheader")
    .map((cell) => within(cell).getByRole("link").textContent);

beforeEach(() => {
  fetchCaseload.mockReset().mockResolvedValue(rows);
});

describe("the caseload filters", () => {
  it("lists everyone, those needing attention first", () => {
    renderCaseload();
    expect(screen.getByRole("status").textContent).toBe("Showing 4 of 4 patients");
    expect(listedNames()).toEqual(["Zoë Ångström", "José Núñez", "alex morgan", "Bea Castro"]);
    expect(screen.getByRole("table", { name: "Your patients, by the triage rules" }).isConnected).toBe(true);
    // The order is stated, safety first.
    const rules = screen.getByText("Sorted by these rules, in order").closest("details");
    expect(rules?.querySelector("ol li")?.textContent).toMatch(/^Severe pain .* or a pain flare/);
  });

  it("narrows the list as a name is typed, ignoring case and accents", async () => {
    const user = userEvent.setup();
    renderCaseload();
    await user.type(screen.getByRole("searchbox", { name: "Search by name" }), "jose");
    expect(listedNames()).toEqual(["José Núñez"]);
    expect(screen.getByRole("status").textContent).toBe("Showing 1 of 4 patients");
  });

  it("shows only patients with the chosen flag", async () => {
    const user = userEvent.setup();
    renderCaseload();
    await user.selectOptions(screen.getByRole("combobox", { name: "Show" }), "Pain flare");
    expect(listedNames()).toEqual(["Zoë Ångström"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Show" }), "No flags");
    expect(listedNames()).toEqual(["alex morgan", "Bea Castro"]);
  });

  it("sorts by name or by the highest recent pain and says so in the table's name", async () => {
    const user = userEvent.setup();
    renderCaseload();
    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "Name (A to Z)");
    expect(listedNames()).toEqual(["alex morgan", "Bea Castro", "José Núñez", "Zoë Ångström"]);
    expect(screen.getByRole("table", { name: "Your patients, name (a to z)" }).isConnected).toBe(true);
    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "Highest recent pain");
    expect(listedNames()[0]).toBe("alex morgan");
  });

  it("says when nothing matches and clears search and filter in one press, back in the search box", async () => {
    const user = userEvent.setup();
    renderCaseload();
    await user.selectOptions(screen.getByRole("combobox", { name: "Show" }), "Inactive");
    await user.type(screen.getByRole("searchbox", { name: "Search by name" }), "nobody");
    expect(screen.getByText("No patients match this search and filter.").isConnected).toBe(true);
    expect(screen.queryByRole("table")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Clear search and filter" }));
    expect(listedNames()).toHaveLength(4);
    expect(document.activeElement).toBe(screen.getByRole("searchbox", { name: "Search by name" }));
  });

  it("links each name to that patient's record", () => {
    renderCaseload();
    const link = within(screen.getByRole("table")).getByRole("link", { name: "Bea Castro" });
    expect(link.getAttribute("href")).toBe(`/patients/${bea.patientId}`);
  });
});
