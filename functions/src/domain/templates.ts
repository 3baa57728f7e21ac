/** Fills a follow-up template's `{{placeholders}}`; values go into HTML escaped. */
import type { Placeholder } from "@sonrisa/shared/schemas/follow-ups";

export type PlaceholderValues = Partial<Record<Placeholder, string>>;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Replaces every known placeholder; one without a value becomes empty. */
export function fill(template: string, values: PlaceholderValues, html = false): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => {
    const value = values[name as Placeholder] ?? "";
    return html ? escapeHtml(value) : value;
  });
}

/** The first line of a comment, at most 120 characters. */
export function firstLine(comment: string | undefined): string {
  const line = (comment ?? "").trim().split(/\r?\n/)[0] ?? "";
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
