// The erasure ledger file (lib/erasure/ledger.ts): append-only JSON lines holding only ids and
// times, private to its owner, and read back strictly.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appendToLedger, ensureLedger, MissingLedgerError, readLedger } from "@/lib/erasure/ledger";

const scratch = () => mkdtempSync(path.join(tmpdir(), "hbc-ledger-"));

describe("the erasure ledger", () => {
  it("appends one line per erasure, with only the id and the time, readable by its owner only", () => {
    const file = path.join(scratch(), "nested", "erasure-ledger.jsonl");
    appendToLedger(file, { userId: "user-1", erasedAt: "2026-12-02T07:00:00.000Z" });
    appendToLedger(file, { userId: "user-2", erasedAt: "2026-12-02T07:05:00.000Z" });
    expect(readFileSync(file, "utf8")).toBe(
      '{"userId":"user-1","erasedAt":"2026-12-02T07:00:00.000Z"}\n{"userId":"user-2","erasedAt":"2026-12-02T07:05:00.000Z"}\n',
    );
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readLedger(file).map((entry) => entry.userId)).toEqual(["user-1", "user-2"]);
  });

  it("refuses to write anything but an id and a time", () => {
    const file = path.join(scratch(), "erasure-ledger.jsonl");
    expect(() =>
      appendToLedger(file, {
        userId: "user-1",
        erasedAt: "2026-12-02T07:00:00.000Z",
        email: "a@b.c",
      } as never),
    ).toThrow();
    expect(() => appendToLedger(file, { userId: "user-1", erasedAt: "yesterday" })).toThrow();
    expect(existsSync(file)).toBe(false);
  });

  it("creates an empty ledger without truncating one that exists", () => {
    const file = path.join(scratch(), "erasure-ledger.jsonl");
    ensureLedger(file);
    expect(readFileSync(file, "utf8")).toBe("");
    appendToLedger(file, { userId: "user-1", erasedAt: "2026-12-02T07:00:00.000Z" });
    ensureLedger(file);
    expect(readLedger(file)).toHaveLength(1);
  });

  it("skips a last line whose write never finished, and refuses any other unreadable line", () => {
    const file = path.join(scratch(), "erasure-ledger.jsonl");
    appendToLedger(file, { userId: "user-1", erasedAt: "2026-12-02T07:00:00.000Z" });
    appendFileSync(file, '{"userId":"user-2","erased');
    expect(readLedger(file).map((entry) => entry.userId)).toEqual(["user-1"]);
    writeFileSync(file, 'garbage\n{"userId":"user-1","erasedAt":"2026-12-02T07:00:00.000Z"}\n');
    expect(() => readLedger(file)).toThrow("has an unreadable line 1");
  });

  it("says what to do when the ledger is missing", () => {
    const file = path.join(scratch(), "erasure-ledger.jsonl");
    expect(() => readLedger(file)).toThrow(MissingLedgerError);
    expect(() => readLedger(file)).toThrow("--no-erasure-ledger");
  });
});
