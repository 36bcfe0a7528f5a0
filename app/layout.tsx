import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/layout/site-header";
import { ServiceWorkerRegistration } from "@/components/offline/service-worker-registration";
import { HelpLink } from "@/components/safety/help-link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Hip & Back Coach", template: "%s · Hip & Back Coach" },
  description:
    "Stretches and strengthening exercises for hip and lower-back pain, with a log your physiotherapist can follow.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
        <footer data-session-chrome="" className="mx-auto max-w-5xl px-4 pb-8 text-sm text-slate-600">
          This app supports, and does not replace, advice from your doctor or physiotherapist. It is not an
          emergency service. <HelpLink className="font-semibold" />
        </footer>
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
