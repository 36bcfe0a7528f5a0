// A stand-in for a browser maker's push service, for tests: an HTTPS server on 127.0.0.1 with a
// self-signed certificate (made with openssl), and a browser's side of a subscription (an ECDH
// P-256 key pair and an auth secret). Each message is decrypted as the browser would (RFC 8291,
// aes128gcm per RFC 8188), with node:crypto only.
import { execFileSync } from "node:child_process";
import { createDecipheriv, createECDH, createHmac, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type ReceivedPush = {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  payload: string;
};

export type BrowserKeys = { p256dh: string; auth: string; decrypt: (body: Buffer) => string };

const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/** A browser's subscription keys, and the decryption that only their holder can do. */
export function browserKeys(): BrowserKeys {
  const ecdh = createECDH("prime256v1");
  const publicKey = ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return {
    p256dh: publicKey.toString("base64url"),
    auth: authSecret.toString("base64url"),
    decrypt(body) {
      const salt = body.subarray(0, 16);
      const idLength = body.readUInt8(20);
      const serverPublic = body.subarray(21, 21 + idLength);
      const ciphertext = body.subarray(21 + idLength);
      const shared = ecdh.computeSecret(serverPublic);
      // RFC 8291 section 3.4: the auth secret and both public keys go into the input key material.
      const keyInfo = Buffer.concat([
        Buffer.from("WebPush: info\0"),
        publicKey,
        serverPublic,
        Buffer.from([1]),
      ]);
      const ikm = hmac(hmac(authSecret, shared), keyInfo);
      const prk = hmac(salt, ikm);
      const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01", "binary")).subarray(0, 16);
      const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01", "binary")).subarray(0, 12);
      const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
      decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
      const padded = Buffer.concat([
        decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
        decipher.final(),
      ]);
      // The last record ends with the delimiter 0x02, then zero padding (RFC 8188 section 2).
      let end = padded.length - 1;
      while (end >= 0 && padded[end] === 0) end--;
      if (padded[end] !== 2) throw new Error("not a final aes128gcm record");
      return padded.subarray(0, end).toString("utf8");
    },
  };
}

export type PushEndpoint = {
  origin: string;
  received: ReceivedPush[];
  /** Answers with this status for paths starting with the prefix (e.g. 410 for "/gone/"). */
  answer: Map<string, number>;
  close: () => Promise<void>;
};

export async function startPushEndpoint(): Promise<PushEndpoint> {
  const dir = mkdtempSync(path.join(tmpdir(), "push-endpoint-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      path.join(dir, "key.pem"),
      "-out",
      path.join(dir, "cert.pem"),
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  const received: ReceivedPush[] = [];
  const answer = new Map<string, number>();
  const server = https.createServer(
    { key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) },
    (request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const url = request.url ?? "/";
        const status = [...answer.entries()].find(([prefix]) => url.startsWith(prefix))?.[1] ?? 201;
        received.push({
          path: url,
          headers: request.headers,
          payload: Buffer.concat(chunks).toString("base64"),
        });
        response.writeHead(status).end();
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  rmSync(dir, { recursive: true, force: true });
  return {
    origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    answer,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
