import { z } from "zod";

// Zod 4 compiles object parsers with `new Function` where it can, and finds out by trying once. Our
// CSP has no 'unsafe-eval', so in the browser that probe is a CSP violation reported on every page
// whose scripts parse a schema (Lighthouse's best-practices audit lists it). Jitless mode never
// tries; the parsers it uses instead are the same ones zod falls back to when the probe fails.
// Every schema that can reach the browser imports `z` from here, so this runs before any parse.
z.config({ jitless: true });

export { z };
