import { type Browser, expect, type Page, test } from "@playwright/test";
import { screenshotDir, signInAsDemo } from "./fixtures";

// Replies (issue 11, point 8): a thread per session both ways, newest last; the author edits their
// own message and "edited" shows; unread replies on Today and the caseload; the reply box says
// nobody watches messages for urgent problems.

async function newPage(browser: Browser, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  return context.newPage();
}

/** The latest session of the demo patient, in the physiotherapist's view of their record. */
async function latestSessionAsPhysio(physio: Page) {
  await physio.goto("/caseload");
  await physio.getByRole("link", { name: "Alex Morgan" }).first().click();
  await expect(physio.getByRole("heading", { level: 1, name: "Alex Morgan" })).toBeVisible();
  await physio.getByRole("link", { name: "Sessions and pain" }).click();
  return physio.getByRole("article").first();
}

test("a reply thread goes both ways, newest last, with edits marked and unread replies shown", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const question = `Tell me if the left hip stays at 6 (${stamp}).`;
  const answer = `It went down to 4 by the evening (${stamp}).`;
  const corrected = `It went down to 3 by the evening (${stamp}).`;
  const followUp = `Good, keep the bridges slow (${stamp}).`;

  const physio = await newPage(browser, 1280);
  await signInAsDemo(physio, "physio");
  let session = await latestSessionAsPhysio(physio);
  await session.locator("summary", { hasText: "Comment" }).click();
  await session.getByLabel("Comment for the patient").fill(question);
  await session.getByRole("button", { name: "Save comment" }).click();
  await expect(physio.locator("p", { hasText: question })).toBeVisible();

  const patient = await newPage(browser, 360);
  await signInAsDemo(patient, "patient");
  await patient.goto("/today");
  await expect(
    patient.getByText(/Your physiotherapist left \d+ messages? you have not read yet/),
  ).toBeVisible();
  await patient.getByRole("link", { name: "Read and reply in History" }).click();
  const thread = patient.getByRole("region", { name: /^Messages about the session of/ }).first();
  await expect(thread.getByText(question)).toBeVisible();
  await thread.locator("summary", { hasText: "Reply" }).click();
  await expect(
    thread.getByText("Messages are not watched for urgent problems.", { exact: false }),
  ).toBeVisible();
  await expect(thread.getByRole("link", { name: "When to get help" })).toHaveAttribute("href", "/help");
  await thread.getByLabel("Your reply to your physiotherapist").fill(answer);
  await thread.getByRole("button", { name: "Send reply" }).click();
  await expect(thread.locator("p", { hasText: answer })).toBeVisible();

  // The author corrects their own reply; "edited" shows, the text changes.
  const mine = thread.getByRole("listitem").filter({ has: patient.locator("p", { hasText: answer }) });
  await mine.locator("summary", { hasText: "Edit or delete" }).click();
  await mine.getByLabel("Your message").fill(corrected);
  await mine.getByRole("button", { name: "Save changes" }).click();
  await expect(thread.locator("p", { hasText: corrected })).toBeVisible();
  await expect(
    thread
      .getByRole("listitem")
      .filter({ hasText: corrected })
      .getByText(/edited/),
  ).toBeVisible();
  await expect(thread.locator("p", { hasText: answer })).toHaveCount(0);
  await thread.scrollIntoViewIfNeeded();
  await thread.screenshot({ path: `${screenshotDir}/reply-thread-360.png` });
  const overflow = await patient.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  await physio.goto("/caseload");
  const unread = physio.getByRole("region", { name: "Unread replies from patients" });
  await expect(unread.getByText(/Alex Morgan.*unread repl/)).toBeVisible();
  await unread.getByRole("link", { name: "Alex Morgan" }).click();
  session = physio.getByRole("article").first();
  await expect(session.getByText(corrected)).toBeVisible();
  await expect(session.getByText(/Alex Morgan \(patient\)/).first()).toBeVisible();
  await session.locator("summary", { hasText: "Comment" }).click();
  await session.getByLabel("Comment for the patient").fill(followUp);
  await session.getByRole("button", { name: "Save comment" }).click();
  await expect(physio.locator("p", { hasText: followUp })).toBeVisible();
  const physioThread = physio.getByRole("region", { name: /^Messages about the session of/ }).first();
  await physioThread.screenshot({ path: `${screenshotDir}/reply-thread-1280.png` });
  await physio.goto("/caseload");
  await expect(physio.getByRole("region", { name: "Unread replies from patients" })).toHaveCount(0);

  // Both sides see the same thread, newest last.
  await patient.goto("/history");
  const bodies = await patient
    .getByRole("region", { name: /^Messages about the session of/ })
    .first()
    .getByRole("listitem")
    .locator("p.whitespace-pre-line")
    .allTextContents();
  const order = [question, corrected, followUp].map((text) => bodies.indexOf(text));
  expect(order.every((position) => position >= 0)).toBe(true);
  expect(order).toEqual([...order].sort((x, y) => x - y));
});
