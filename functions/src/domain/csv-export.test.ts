/** CSV cells as OWASP's CSV-injection rule asks, and nothing that could drive a terminal or reorder text. */
import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv-export.ts";

describe("CSV cells", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+1+1", "'+1+1"],
    ["-1+1", "'-1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", `"'\t=1+1"`],
    ["\r=1+1", "'=1+1"],
    ['\u0000=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ["＝1+1", "'＝1+1"],
  ])("neutralises a cell that a spreadsheet would run: %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("quotes cells holding a separator (comma or the semicolon of Spanish Excel), a quote, a tab or a line break", () => {
    expect(csvCell("a;=1+1")).toBe('"a;=1+1"');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('dijo "hola"')).toBe('"dijo ""hola"""');
    expect(csvCell("línea 1\nlínea 2")).toBe('"línea 1\nlínea 2"');
    expect(csvCell("a\tb")).toBe('"a\tb"');
  });

  it("never writes NUL, CR, the terminal's escape, other controls or bidi marks", () => {
    const cell = csvCell("ok\u0000\u001B]0;title\u0007\u001B[2J\r fin \u202Eabc\u202C\u2066x\u2069\u0085");

    expect(cell).toBe('"ok]0;title[2J fin abcx"'); // quoted for its semicolon
  });

  it("leaves ordinary text, numbers and phone numbers as they are", () => {
    expect(csvCell("Muy buena atención")).toBe("Muy buena atención");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("+34600123456")).toBe("+34600123456");
    expect(csvCell(undefined)).toBe("");
  });

  it("neutralises every text column of a row, not only the comment", () => {
    const row = csvRow(
      {
        id: "1",
        storeId: "s",
        at: "2026-11-22T10:00:00Z",
        localDate: "2026-11-22",
        localHour: 11,
        score: 5,
        comment: "\t=cmd",
        optIn: { email: "=x@evil.com", social: { network: "x", handle: "@evil" }, consent: { version: "-1" } },
        receivedAt: "2026-11-22T10:00:01Z",
      },
      true,
    );

    expect(row).toContain(`"'\t=cmd"`);
    expect(row).toContain(",'-1,");
    expect(row).toContain(",'=x@evil.com,");
    expect(row).toContain(",'@evil\r\n");
  });
});
