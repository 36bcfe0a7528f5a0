import { expect, test } from "@playwright/test";
import { screenshotDir, signInAsDemo } from "./fixtures";

// Issue 14: the physiotherapist asks for the PSFS, the patient answers it on a phone (leaving and
// coming back without losing answers), and both Progress views show the score and its change.
// The demo patient answered the PSFS four times before (mean 3 at the start, over stairs, socks
// and a 30-minute walk), so today's answer is a follow-up that re-asks those activities.

test("the patient answers the PSFS on a phone and the physiotherapist sees the score and its change", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const physioContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const physio = await physioContext.newPage();
  await signInAsDemo(physio, "physio");
  await physio.getByRole("link", { name: "Alex Morgan" }).first().click();
  // The record is the heaviest page; on a loaded machine its first render can take a while.
  await expect(physio).toHaveURL(/\/patients\/[^/]+$/, { timeout: 30_000 });
  await expect(physio.getByRole("heading", { level: 2, name: "Ask for a questionnaire" })).toBeVisible();
  await physio.getByLabel("Questionnaire", { exact: true }).selectOption("PSFS");
  await physio.getByLabel("Then every … weeks (leave empty for once)").fill("4");
  await physio.getByRole("button", { name: "Schedule" }).click();
  await expect(
    physio.getByRole("status").filter({ hasText: "Scheduled: Patient-Specific Functional Scale" }),
  ).toBeVisible();

  const patientContext = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const patient = await patientContext.newPage();
  await signInAsDemo(patient, "patient");
  const due = patient.getByRole("region", { name: /^Questionnaires? due$/ });
  await due.getByRole("link", { name: "Patient-Specific Functional Scale" }).click();
  await expect(
    patient.getByRole("heading", { level: 1, name: "Patient-Specific Functional Scale" }),
  ).toBeVisible();

  // The first answer's activities come back; rate two with the keyboard, keep them, leave.
  const stairs = patient.getByRole("group", { name: "Activity 1" });
  await expect(stairs.getByLabel("What is the activity?")).toHaveValue("Climbing stairs");
  await stairs.getByRole("radio", { name: "7", exact: true }).check({ force: true });
  const socks = patient.getByRole("group", { name: "Activity 2" });
  await expect(socks.getByLabel("What is the activity?")).toHaveValue("Putting on socks");
  await socks.getByRole("radio", { name: "8", exact: true }).focus();
  await patient.keyboard.press("Space");
  await expect(socks.getByRole("radio", { name: "8", exact: true })).toBeChecked();
  await patient.getByRole("button", { name: "Save and finish later" }).click();
  await expect(patient.getByText("Saved. You can finish these answers later, on any device.")).toBeVisible();
  await patient.screenshot({ path: `${screenshotDir}/outcomes-answer-360.png`, fullPage: true });

  await patient.goto("/today");
  await patient.goto("/outcomes/psfs");
  await expect(
    patient.getByRole("group", { name: "Activity 1" }).getByRole("radio", { name: "7", exact: true }),
  ).toBeChecked();
  await expect(
    patient.getByRole("group", { name: "Activity 2" }).getByRole("radio", { name: "8", exact: true }),
  ).toBeChecked();

  // Sending with the third activity unrated is refused for that activity only; nothing is saved.
  await patient.getByRole("button", { name: "Send answers" }).click();
  const walk = patient.getByRole("group", { name: "Activity 3" });
  await expect(walk.getByText("Rate this activity from 0 to 10.")).toBeVisible();
  await walk.getByRole("radio", { name: "6", exact: true }).check({ force: true });
  await patient.getByRole("button", { name: "Send answers" }).click();
  // (7 + 8 + 6) / 3 = 7, scored on the server.
  await expect(patient.getByText("Saved. Your PSFS score: 7.")).toBeVisible();

  await patient.goto("/progress");
  const patientChart = patient.getByRole("region", { name: /^Patient-Specific Functional Scale/ });
  await expect(patientChart).toContainText(
    /PSFS 7 on .*, \+4 points since the first score \(3 on .*\): improved \(an important change\)/,
  );
  await patientChart.scrollIntoViewIfNeeded();
  await patient.screenshot({ path: `${screenshotDir}/outcomes-chart-360.png`, fullPage: true });
  await patientChart.getByRole("button", { name: /Show table/ }).click();
  await expect(patientChart.getByRole("table")).toContainText("+4");

  await physio.reload();
  const recordChart = physio.getByRole("region", { name: /^Patient-Specific Functional Scale/ });
  await expect(recordChart).toContainText(/PSFS 7 on .*, \+4 points since the first score/);
  // The chart is drawn when it comes near the screen.
  await recordChart.scrollIntoViewIfNeeded();
  await expect(recordChart.getByRole("img", { name: /^Patient-Specific Functional Scale/ })).toBeVisible();
  await physio.screenshot({ path: `${screenshotDir}/outcomes-chart-1280.png`, fullPage: true });
  await physio.goto("/caseload");
  await expect(physio.getByText("PSFS +4 points since first (important improvement)").first()).toBeVisible();

  await patient.setViewportSize({ width: 1280, height: 900 });
  await patient.goto("/outcomes/psfs");
  await patient.screenshot({ path: `${screenshotDir}/outcomes-answer-1280.png`, fullPage: true });
  await physioContext.close();
  await patientContext.close();
});
