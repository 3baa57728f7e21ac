/**
 * Turns an API error into what a form shows: which fields the server refused (from a 400's details) and a
 * message for the form. Messages are kept as functions of the catalog, so a language switch re-words them.
 */
import type { Messages } from "../messages.ts";
import { ApiError } from "./api.ts";

/** A message in whatever language is current when it is shown. */
export type Msg = (t: Messages) => string;

export interface FormErrors {
  /** Fields the server named, each with the server's own (English) message. */
  fields: Record<string, string>;
  form?: Msg;
}

/** `known` maps error codes (409 `email_taken`…) to messages; anything else is `fallback`. */
export function formErrors(err: unknown, known: Record<string, Msg>, fallback: Msg): FormErrors {
  if (!(err instanceof ApiError)) return { fields: {}, form: fallback };
  const knownMessage = known[err.code];
  if (knownMessage) return { fields: {}, form: knownMessage };
  const fields: Record<string, string> = {};
  for (const issue of err.details ?? []) {
    const name = String(issue.path?.[0] ?? "");
    if (name && !fields[name]) fields[name] = issue.message ?? err.message;
  }
  return { fields, form: Object.keys(fields).length ? undefined : fallback };
}
