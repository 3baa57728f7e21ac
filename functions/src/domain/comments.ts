/** A store's comments, newest first, a page at a time. */
import type { CommentsPage, CommentsQuery } from "@sonrisa/shared/schemas/results";
import { resolveRange, utcBounds } from "./date-range.ts";
import type { Clock } from "./ports/clock.ts";
import type { ResultsRepository } from "./ports/results-repository.ts";
import type { StoreRepository } from "./ports/store-repository.ts";
import { requireStore } from "./stores.ts";

export const COMMENTS_PAGE = 50;

export interface CommentsDeps {
  stores: StoreRepository;
  results: Pick<ResultsRepository, "comments">;
  clock: Clock;
}

export async function listComments(
  deps: CommentsDeps,
  storeId: string | undefined,
  query: CommentsQuery,
): Promise<CommentsPage> {
  const store = await requireStore(deps.stores, storeId);
  const range = resolveRange(query, store.timeZone, deps.clock.now());
  const { fromUtc, toUtc } = utcBounds(range, store.timeZone);
  const page = await deps.results.comments(store.storeId, fromUtc, toUtc, query.limit ?? COMMENTS_PAGE, query.cursor);
  const comments = page.items.map((i) => ({
    id: String(i.id),
    at: String(i.at),
    localDate: String(i.localDate),
    score: Number(i.score),
    comment: String(i.comment),
    ...(typeof i.lang === "string" ? { lang: i.lang as CommentsPage["comments"][number]["lang"] } : {}),
    reasons: (i.reasons as string[] | undefined) ?? [],
    misuse: Boolean(i.misuse),
  }));
  return { storeId: store.storeId, from: range.from, to: range.to, comments, cursor: page.cursor ?? null };
}
