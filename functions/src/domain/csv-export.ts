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

/** RFC 4180 quoting; cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas. */
function toLine(cells: readonly unknown[]): string {
  return `${cells
    .map((c) => {
      let s = c === undefined || c === null ? "" : String(c);
      if (/^[=+\-@]/.test(s) && typeof c === "string" && !/^\+?[0-9]{6,15}$/.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(",")}\r\n`;
}
