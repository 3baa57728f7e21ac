/** Admin: every store and stand with its languages, faces and state; create one, edit one, open its live view. */

import buttons from "../../components/buttons/buttons.module.css";
import { useI18n } from "../../lib/i18n.ts";
import { paths } from "../../lib/paths.ts";
import type { PageProps } from "../page-props.ts";
import styles from "./stores.module.css";

export function Stores({ stores }: PageProps) {
  const { t, f } = useI18n();
  const s = t.storesAdmin;
  const sorted = [...stores].sort(
    (a, b) => Number(Boolean(a.archivedAt)) - Number(Boolean(b.archivedAt)) || a.name.localeCompare(b.name),
  );
  return (
    <>
      <div class={styles.head}>
        <div>
          <h1>{s.title}</h1>
          <p>{s.intro}</p>
        </div>
        <a class={buttons.primary} href={paths.newStore}>
          + {s.new}
        </a>
      </div>
      {stores.length === 0 ? (
        <p class={styles.empty}>{s.empty}</p>
      ) : (
        <ul class={styles.list} aria-label={s.tableLabel}>
          {sorted.map((store) => {
            const status = store.archivedAt
              ? s.archived
              : store.event
                ? s.event(f.day(store.event.start), f.day(store.event.end, true))
                : s.active;
            return (
              <li
                key={store.storeId}
                class={styles.card}
                data-store={store.storeId}
                data-archived={Boolean(store.archivedAt)}
              >
                <div class={styles.title}>
                  <h2>{store.name}</h2>
                  <p class={styles.id}>{store.storeId}</p>
                </div>
                <dl class={styles.facts}>
                  <div>
                    <dt>{s.zone}</dt>
                    <dd>{store.timeZone.replaceAll("_", " ")}</dd>
                  </div>
                  <div>
                    <dt>{s.languages}</dt>
                    <dd>{store.languages.map((l) => t.storeForm.langNames[l]).join(", ")}</dd>
                  </div>
                  <div>
                    <dt>{s.faces}</dt>
                    <dd>{store.scale}</dd>
                  </div>
                  <div>
                    <dt>{s.status}</dt>
                    <dd>
                      <span class={store.archivedAt ? styles.off : store.event ? styles.event : styles.on}>
                        {status}
                      </span>
                    </dd>
                  </div>
                </dl>
                <div class={styles.actions}>
                  <a class={`${buttons.secondary} ${buttons.small}`} href={paths.storeSettings(store.storeId)}>
                    <span aria-hidden="true">{s.editShort}</span>
                    <span class="sr-only">{s.edit(store.name)}</span>
                  </a>
                  {!store.archivedAt && (
                    <a class={`${buttons.secondary} ${buttons.small}`} href={paths.live(store.storeId)}>
                      <span aria-hidden="true">{s.live}</span>
                      <span class="sr-only">{s.liveOf(store.name)}</span>
                    </a>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
