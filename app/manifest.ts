import type { MetadataRoute } from "next";

// The web app manifest (/manifest.webmanifest): what a phone needs to add the app to its home
// screen. Installing needs a secure context (HTTPS, or localhost): README "Install and offline use".
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Hip & Back Coach",
    short_name: "Exercises",
    description: "Your exercise routine, a guided session and a log your physiotherapist can follow.",
    start_url: "/today",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f0fdfa",
    theme_color: "#0f766e",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
