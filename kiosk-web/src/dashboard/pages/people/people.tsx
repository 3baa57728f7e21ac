/** Admin only: everyone who signs in to the dashboard, adding people, and changing role, stores and status. */
import { useState } from "preact/hooks";
import styles from "../../components/admin-form/admin-form.module.css";
import { Status } from "../../components/status/status.tsx";
import { useI18n } from "../../lib/i18n.ts";
import { useResource } from "../../lib/use-resource.ts";
import type { PageProps } from "../page-props.ts";
import { AddPerson } from "./add-person.tsx";
import own from "./people.module.css";
import { PersonRow } from "./person-row.tsx";

export function People({ api, stores, session }: PageProps) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const { resource: users, retry } = useResource((signal) => api.users(signal), [api, version]);
  const reload = () => setVersion((v) => v + 1);

  return (
    <>
      <div class={styles.head}>
        <h1>{t.people.title}</h1>
        <p>{t.people.intro}</p>
      </div>
      <section class={styles.card} aria-labelledby="people-list">
        <h2 id="people-list">{t.people.list}</h2>
        {users.data ? (
          <ul class={own.list}>
            {users.data.map((user) => (
              <PersonRow
                key={user.userId}
                api={api}
                user={user}
                stores={stores}
                self={user.email === session.email}
                onSaved={reload}
              />
            ))}
          </ul>
        ) : (
          <Status resource={users} onRetry={retry} />
        )}
      </section>
      <AddPerson api={api} stores={stores} onAdded={reload} />
    </>
  );
}
