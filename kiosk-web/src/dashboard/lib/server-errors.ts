/** Turns an API error into what a form shows: a message per field (from a 400's details) and one for the form. */
import { ApiError } from "./api.ts";

export interface FormErrors {
  fields: Record<string, string>;
  form?: string;
}

/** `known` maps error codes (409 `email_taken`…) to messages; anything else is `fallback`. */
export function formErrors(err: unknown, known: Record<string, string>, fallback: string): FormErrors {
  if (!(err instanceof ApiError)) return { fields: {}, form: fallback };
  if (known[err.code]) return { fields: {}, form: known[err.code] };
  const fields: Record<string, string> = {};
  for (const issue of err.details ?? []) {
    const name = String(issue.path?.[0] ?? "");
    if (name && !fields[name]) fields[name] = issue.message ?? err.message;
  }
  return { fields, form: Object.keys(fields).length ? undefined : err.status === 0 ? fallback : err.message };
}
