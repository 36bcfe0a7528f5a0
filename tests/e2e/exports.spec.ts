import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { screenshotDir, signInAsDemo } from "./fixtures";

// A patient downloads a CSV from their progress page; their physiotherapist downloads the FHIR
// file from the patient's record; the patient then sees that download in "Who has seen your data".

test("the patient downloads their pain ratings as CSV and the physiotherapist the FHIR file, which the patient sees", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const patientContext = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const patient = await patientContext.newPage();
  await signInAsDemo(patient, "patient");
  await patient.goto("/progress");
  const exportSection = patient.getByRole("region", { name: "Export" });
  await exportSection.scrollIntoViewIfNeeded();
  await expect(exportSection.getByRole("link", { name: "Pain ratings (CSV)" })).toBeVisible();
  await exportSection.screenshot({ path: `${screenshotDir}/exports-patient-360.png` });

  const csvDownload = patient.waitForEvent("download");
  await exportSection.getByRole("link", { name: "Pain ratings (CSV)" }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^pain-ratings-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile(await csv.path())).toString("utf8");
  const lines = text
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("pain_id,recorded_at_utc,local_date,time_zone,area,rating,context,session_id,note");
  // Four months of demo history: many ratings, each with a UTC instant and a London date.
  expect(lines.length).toBeGreaterThan(30);
  expect(lines[1]).toMatch(
    /^[^,]+,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,\d{4}-\d{2}-\d{2},Europe\/London,/,
  );

  const physioContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const physio = await physioContext.newPage();
  await signInAsDemo(physio, "physio");
  await physio.getByRole("link", { name: "Alex Morgan" }).first().click();
  await expect(physio).toHaveURL(/\/patients\/[^/]+$/, { timeout: 30_000 });
  const physioExport = physio.getByRole("region", { name: "Export" });
  await physioExport.scrollIntoViewIfNeeded();
  await physioExport.screenshot({ path: `${screenshotDir}/exports-physio-1280.png` });
  const fhirDownload = physio.waitForEvent("download");
  await physioExport.getByRole("link", { name: "Everything (FHIR R4, JSON)" }).click();
  const fhir = await fhirDownload;
  expect(fhir.suggestedFilename()).toMatch(/^health-record-fhir-\d{4}-\d{2}-\d{2}\.json$/);
  const bundle = JSON.parse((await readFile(await fhir.path())).toString("utf8")) as {
    resourceType: string;
    type: string;
    entry: { resource: { resourceType: string; name?: { text: string }[] } }[];
  };
  expect(bundle.resourceType).toBe("Bundle");
  expect(bundle.type).toBe("collection");
  expect(bundle.entry[0]?.resource).toMatchObject({
    resourceType: "Patient",
    name: [{ text: "Alex Morgan" }],
  });
  const kinds = new Set(bundle.entry.map((entry) => entry.resource.resourceType));
  expect([...kinds].sort()).toEqual([
    "CarePlan",
    "Observation",
    "Patient",
    "QuestionnaireResponse",
    "ServiceRequest",
  ]);

  // Readable at both widths (looked at by hand; kept with the other screenshots).
  await patient.setViewportSize({ width: 1280, height: 900 });
  await patient.goto("/progress");
  await patient
    .getByRole("region", { name: "Export" })
    .screenshot({ path: `${screenshotDir}/exports-patient-1280.png` });
  await physio.setViewportSize({ width: 360, height: 780 });
  await physioExport.scrollIntoViewIfNeeded();
  await physioExport.screenshot({ path: `${screenshotDir}/exports-physio-360.png` });

  await patient.goto("/account/access");
  await expect(patient.getByText("Exported your data as a FHIR file").first()).toBeVisible();

  await patientContext.close();
  await physioContext.close();
});
