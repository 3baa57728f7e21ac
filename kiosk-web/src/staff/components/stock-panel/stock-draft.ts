/**
 * The stock editor's draft: each item's counts as typed, and at most one new item. The draft is checked
 * with the shared PutStockRequest schema, the one the API parses, so what passes here is what the API
 * accepts; problems come back per row and field for inline messages.
 */
import { PutStockRequest, type StockItem } from "@sonrisa/shared/schemas/surprises";

/** One item as the editor holds it: counts are the text of their fields. */
export interface DraftRow {
  item: string;
  name: string;
  quantity: string;
  lowAt: string;
}

export type DraftField = keyof DraftRow;
export type DraftProblem = "name" | "item" | "taken" | "count";
/** Row index → field → what is wrong there. */
export type DraftErrors = Record<number, Partial<Record<DraftField, DraftProblem>>>;
/** One item of the `PUT …/stock` body. */
export type StockItemInput = Omit<StockItem, "reserved">;

/** "Taza de café" → "taza-de-cafe": lower case, no accents, hyphens between words, at most 40 characters. */
export function slugFromName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

/** A count typed by hand: digits only, else not a number (the schema then says why). */
function count(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

/** The request body for `PUT …/stock`, or the problems of each row. */
export function checkDraft(
  rows: DraftRow[],
): { ok: true; items: StockItemInput[] } | { ok: false; errors: DraftErrors } {
  const items = rows.map((r) => ({
    item: r.item.trim(),
    name: r.name.trim(),
    quantity: count(r.quantity),
    lowAt: count(r.lowAt),
  }));
  const errors: DraftErrors = {};
  const flag = (row: number, field: DraftField, problem: DraftProblem) => {
    errors[row] = { [field]: problem, ...errors[row] };
  };
  const parsed = PutStockRequest.safeParse({ items });
  for (const issue of parsed.error?.issues ?? []) {
    const [, row, field] = issue.path;
    if (typeof row !== "number") continue;
    if (field === "quantity" || field === "lowAt") flag(row, field, "count");
    else if (field === "item" || field === "name") flag(row, field, field);
  }
  // The API upserts by id: a new item with a taken id would overwrite that item instead of adding one.
  items.forEach((it, row) => {
    if (items.findIndex((other) => other.item === it.item) !== row) flag(row, "item", "taken");
  });
  return parsed.success && Object.keys(errors).length === 0
    ? { ok: true, items: parsed.data.items }
    : { ok: false, errors };
}
