/** CSV rows of answers; personal data only when an admin asks for it. */
export const CSV_COLUMNS = [
  "id",
  "storeId",
  "at",
  "localDate",
  "localHour",
  "score",
  "misuse",
  "reasons",
  "comment",
  "lang",
  "optedIn",
  "consentVersion",
  "surpriseRule",
  "surpriseGroup",
  "surpriseOutcome",
  "surpriseCode",
  "receivedAt",
] as const;
export const PERSONAL_COLUMNS = ["email", "phone", "socialNetwork", "socialHandle"] as const;

type Answer = Record<string, unknown> & {
  optIn?: {
    email?: string;
    phone?: string;
    social?: { network: string; handle: string };
    consent?: { version: string };
  };
  surprise?: { ruleId?: string; group?: string; outcome?: string; code?: string };
};

export function csvHeader(personal: boolean): string {
  return toLine(personal ? [...CSV_COLUMNS, ...PERSONAL_COLUMNS] : [...CSV_COLUMNS]);
}

export function csvRow(a: Answer, personal: boolean): string {
  const cells: unknown[] = [
    a.id,
    a.storeId,
    a.at,
    a.localDate,
    a.localHour,
    a.score,
    a.misuse ? "yes" : "no",
    Array.isArray(a.reasons) ? a.reasons.join("|") : "",
    a.comment ?? "",
    a.lang ?? "",
    a.optIn ? "yes" : "no",
    a.optIn?.consent?.version ?? "",
    a.surprise?.ruleId ?? "",
    a.surprise?.group ?? "",
    a.surprise?.outcome ?? "",
    a.surprise?.code ?? "",
    a.receivedAt,
  ];
  if (personal)
    cells.push(
      a.optIn?.email ?? "",
      a.optIn?.phone ?? "",
      a.optIn?.social?.network ?? "",
      a.optIn?.social?.handle ?? "",
    );
  return toLine(cells);
}

/**
 * The file as text chunks: the header, then one chunk per page of answers, so whoever writes it out
 * holds one page at a time, never the file.
 */
export async function* csvChunks(pages: AsyncIterable<readonly Answer[]>, personal: boolean): AsyncGenerator<string> {
  yield csvHeader(personal);
  for await (const page of pages) yield page.map((answer) => csvRow(answer, personal)).join("");
}

/**
 * OWASP's rule for CSV injection: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return (or their full-width forms, which some spreadsheets also read as formulas) gets a leading `'`;
 * a cell holding a quote, a comma, a semicolon (the separator of Spanish Excel), a tab or a line break is
 * quoted with its quotes doubled, so no part of it can start a cell of its own. Control characters but
 * newline and tab (NUL, CR and the terminal's ESC among them) and bidi marks never reach the file. A phone
 * number (`+` and digits only) is left as it is: it cannot run anything.
 */
function toLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;
/** Controls but tab and newline, and bidi formatting marks. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const NEVER_WRITTEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** One cell of the file, neutralised and quoted (see `toLine`). */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  let s = String(value);
  if (typeof value === "string") {
    const kept = s.replace(NEVER_WRITTEN, "");
    // Judged before and after stripping: "\r=1+1" and "\u0000=1+1" both start a formula.
    const formula = FORMULA_START.test(s) || FORMULA_START.test(kept);
    s = formula && !/^\+?[0-9]{6,15}$/.test(kept) ? `'${kept}` : kept;
  }
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
