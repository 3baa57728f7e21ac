/** The store's latest comments, newest first, ten at a time with "load more". */

import { textIn } from "@sonrisa/shared/store-text";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Comment, DashboardApi, Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import type { DateRange } from "../../lib/range.ts";
import type { Resource } from "../../lib/use-resource.ts";
import { Status } from "../status/status.tsx";
import styles from "./comments.module.css";

interface Props {
  api: DashboardApi;
  store: Store;
  range: DateRange;
}

interface Loaded {
  comments: Comment[];
  cursor: string | null;
}

export function Comments({ api, store, range }: Props) {
  const { t, f, lang } = useI18n();
  const [page, setPage] = useState<Resource<Loaded>>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  /** Bumped when the store or period changes, so a late "load more" cannot append to the wrong list. */
  const generation = useRef(0);

  const load = (cursor: string | undefined, signal?: AbortSignal) => {
    const gen = cursor ? generation.current : ++generation.current;
    setPage((p) => ({ state: "loading", data: cursor ? p.data : undefined }));
    api.comments(store.storeId, range, cursor, signal).then(
      (next) => {
        if (gen !== generation.current) return;
        setPage((p) => ({
          state: "ready",
          data: { comments: [...(cursor ? (p.data?.comments ?? []) : []), ...next.comments], cursor: next.cursor },
        }));
      },
      (error: unknown) => {
        if (gen === generation.current && !signal?.aborted) setPage((p) => ({ state: "error", error, data: p.data }));
      },
    );
  };
  useEffect(() => {
    const controller = new AbortController();
    load(undefined, controller.signal);
    return () => controller.abort();
  }, [api, store.storeId, range.from, range.to, attempt]);

  const labels = new Map(
    [...store.reasons.positive, ...store.reasons.neutral, ...store.reasons.negative].map((r) => [
      r.id,
      textIn(r.label, lang, lang),
    ]),
  );
  const comments = page.data?.comments ?? [];
  if (!page.data && page.state !== "ready") return <Status resource={page} onRetry={() => setAttempt((n) => n + 1)} />;
  if (comments.length === 0) return <p class={styles.empty}>{t.store.noComments}</p>;
  return (
    <div class={styles.wrap}>
      <ol class={styles.list}>
        {comments.map((c) => (
          <li key={c.id} class={styles.item} data-testid="comment">
            <span
              class={styles.score}
              data-score={c.score}
              role="img"
              aria-label={t.store.commentScore(t.store.scores[c.score as 1 | 2 | 3 | 4 | 5] ?? String(c.score))}
            >
              {c.score}
            </span>
            <div class={styles.body}>
              <p class={styles.text} lang={c.lang}>
                {c.comment}
              </p>
              <p class={styles.meta}>
                <time dateTime={c.at}>{f.dateTime(c.at, store.timeZone)}</time>
                {c.reasons.map((id) => (
                  <span key={id} class={styles.chip}>
                    {labels.get(id) ?? id}
                  </span>
                ))}
                {c.misuse && <span class={`${styles.chip} ${styles.misuse}`}>{t.store.misuseFlag}</span>}
              </p>
            </div>
          </li>
        ))}
      </ol>
      {page.state === "error" && <Status resource={page} onRetry={() => load(page.data?.cursor ?? undefined)} />}
      {page.data?.cursor && page.state !== "error" && (
        <button
          type="button"
          class={styles.more}
          disabled={page.state === "loading"}
          onClick={() => load(page.data?.cursor ?? undefined)}
        >
          {page.state === "loading" ? t.loading : t.store.loadMore}
        </button>
      )}
    </div>
  );
}
