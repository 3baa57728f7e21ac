/** A store form issue in the page's language: the checks across fields by their key, the rest by field and kind. */
import type { Messages } from "../messages.ts";
import { type Issue, pathKey } from "./field-errors.ts";

const RANGES: Record<string, [number, number]> = { idleTimeoutSec: [5, 300], misuseIntervalSec: [0, 120] };

export function wordStoreIssue(issue: Issue, t: Messages): string {
  const f = t.storeForm;
  const v = t.validation;
  const problem = issue.params?.problem as keyof Messages["storeForm"]["problems"] | undefined;
  if (problem && problem in f.problems) return f.problems[problem];
  const key = pathKey(issue.path);
  const range = RANGES[key];
  if (range) return v.range(...range);
  if (key === "id") return f.errors.id;
  if (key === "timeZone") return f.errors.timeZone;
  if (key === "languages") return f.errors.languages;
  if (key === "consent.version") return issue.code === "too_small" ? v.required : f.errors.version;
  if (/^reasons\.\w+\.\d+\.id$/.test(key)) return f.errors.slug;
  if (key.startsWith("openingHours")) return f.errors.time;
  if (key.startsWith("event")) return f.errors.date;
  if (issue.code === "too_big" && issue.origin === "string") return v.tooLong(Number(issue.maximum));
  if (issue.code === "too_small" || issue.code === "invalid_format" || issue.code === "invalid_type") {
    return v.required;
  }
  return v.check;
}
