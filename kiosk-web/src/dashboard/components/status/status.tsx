/** What a panel shows while its data loads or after it failed to load, with a retry. */
import { ApiError } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import type { Resource } from "../../lib/use-resource.ts";
import styles from "./status.module.css";

export function Status({ resource, onRetry }: { resource: Resource<unknown>; onRetry: () => void }) {
  const { t } = useI18n();
  if (resource.state !== "error") {
    return (
      <p class={styles.loading} role="status">
        <span class={styles.spinner} aria-hidden="true" />
        {t.loading}
      </p>
    );
  }
  const { error } = resource;
  const text =
    error instanceof ApiError && error.status === 0
      ? t.errors.offline
      : error instanceof ApiError && error.status === 403
        ? t.errors.forbidden
        : t.errors.load;
  return (
    <div class={styles.error} role="alert">
      <p>{text}</p>
      <button type="button" onClick={onRetry}>
        {t.retry}
      </button>
    </div>
  );
}
