import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "@/lib/export/csv-cells";

describe("CSV formula neutralisation", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Click")', '\'=HYPERLINK("http://evil.example","Click")'],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tleading tab", "'\tleading tab"],
    ["\rleading return", "'\rleading return"],
  ])("puts an apostrophe before a text cell that starts a formula: %j", (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it.each(["Walking upstairs", "2026-12-02T10:00:00.000Z", "a=b", "", "'already quoted", " =spaced"])(
    "leaves other text as it is: %j",
    (value) => {
      expect(neutraliseCell(value)).toBe(value);
    },
  );

  it("never touches numbers, so a negative number stays a number", () => {
    expect(neutraliseCell(-3)).toBe(-3);
    expect(neutraliseCell(-0.5)).toBe(-0.5);
    expect(neutraliseCell(0)).toBe(0);
    expect(neutraliseCell(null)).toBeNull();
  });

  it("writes UTF-8 with a byte order mark, a header row, CRLF line ends and RFC 4180 quoting", () => {
    const text = toCsv(
      ["name", "score", "note"],
      [
        ["Gehen über Treppen", -3, 'said "=1+1", then left'],
        ["=cmd|' /C calc'!A0", 7.5, null],
      ],
    );
    expect(text.startsWith("\uFEFFname,score,note\r\n")).toBe(true);
    expect(text).toContain('Gehen über Treppen,-3,"said ""=1+1"", then left"\r\n');
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { name: "Gehen über Treppen", score: "-3", note: 'said "=1+1", then left' },
      { name: "'=cmd|' /C calc'!A0", score: "7.5", note: "" },
    ]);
  });
});
