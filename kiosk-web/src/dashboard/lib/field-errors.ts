/**
 * Validation issues (zod's, from the shared schemas on the page, or the API's `details`) turned into one
 * message per field, keyed by the issue's path (`reasons.positive.0.label.es`), in the page's language.
 */

/** What the forms read of a zod issue; the API sends the same shape in `error.details`. */
export interface Issue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  params?: { problem?: string };
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
}

export type FieldErrors = Map<string, string>;

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** The first issue of each path, worded by `word`. */
export function errorsByPath(issues: readonly Issue[], word: (issue: Issue) => string): FieldErrors {
  const errors: FieldErrors = new Map();
  for (const issue of issues) {
    const key = pathKey(issue.path);
    if (!errors.has(key)) errors.set(key, word(issue));
  }
  return errors;
}

/** Issues the API sent back (a 400's details), when they look like issues. */
export function issuesOf(details: unknown[] | undefined): Issue[] {
  return (details ?? []).filter(
    (d): d is Issue => typeof d === "object" && d !== null && Array.isArray((d as Issue).path),
  );
}
