import { NextRequest } from "next/server";

/** The Auth.js routes take a sign-in form or a sign-out: a few hundred bytes. 64 KiB is generous. */
export const authBodyLimitBytes = 64 * 1024;

/**
 * The request's body, read only up to `limit` bytes: null when it is longer, whether it says so in
 * Content-Length or streams on without one, so a 100 MB body is refused after 64 KiB were read.
 */
export async function readLimitedBody(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (!Number.isFinite(declared) || declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Wraps a route handler: a body over `limit` is answered 413 before the handler sees it. */
export function withBodyLimit(
  handler: (request: NextRequest) => Promise<Response>,
  limit: number,
): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    const body = await readLimitedBody(request, limit);
    if (body === null) {
      return Response.json(
        { error: `The request body is over ${limit / 1024} KiB.` },
        { status: 413, headers: { "Cache-Control": "no-store", Connection: "close" } },
      );
    }
    const headers = new Headers(request.headers);
    headers.delete("content-length");
    return handler(new NextRequest(request.url, { method: request.method, headers, body }));
  };
}
