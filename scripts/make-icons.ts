// Renders the app's icon (app/icon.svg) into the PNG sizes the web app manifest lists, with the
// Chromium the e2e tests use. Run by hand when the icon changes (`npx tsx scripts/make-icons.ts`);
// the PNGs are committed. The maskable icon keeps the drawing inside the safe zone (the middle
// 80 %) on a full-bleed background, as launchers crop it to a circle or a rounded square.
import { existsSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const svg = readFileSync("app/icon.svg", "utf8");
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ??
  ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

const icons = [
  { file: "public/icons/icon-192.png", size: 192, inner: 192, background: "transparent" },
  { file: "public/icons/icon-512.png", size: 512, inner: 512, background: "transparent" },
  { file: "public/icons/icon-maskable-512.png", size: 512, inner: 400, background: "#0f766e" },
];

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(
      `<body style="margin:0;display:grid;place-items:center;width:${icon.size}px;height:${icon.size}px;background:${icon.background}"><img src="${dataUrl}" width="${icon.inner}" height="${icon.inner}"></body>`,
    );
    await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: icon.file, omitBackground: icon.background === "transparent" });
    await page.close();
    console.log(`Wrote ${icon.file}`);
  }
} finally {
  await browser.close();
}
