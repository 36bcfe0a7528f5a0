import { handlers } from "@/lib/auth";
import { authBodyLimitBytes, withBodyLimit } from "@/lib/body-limit";

export const { GET } = handlers;
// Auth.js would read any body whole; nothing it takes is anywhere near this limit.
export const POST = withBodyLimit(handlers.POST, authBodyLimitBytes);
