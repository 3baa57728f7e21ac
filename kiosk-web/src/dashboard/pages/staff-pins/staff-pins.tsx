/**
 * Admins and store managers (their stores): the store PIN (set or rotate, fewest digits) and the named staff
 * members with their own PINs.
 */
import { useState } from "preact/hooks";
import styles from "../../components/admin-form/admin-form.module.css";
import { Status } from "../../components/status/status.tsx";
import { useI18n } from "../../lib/i18n.ts";
import { useResource } from "../../lib/use-resource.ts";
import type { PageProps } from "../page-props.ts";
import { MemberList } from "./member-list.tsx";
import { PinForm } from "./pin-form.tsx";

export function StaffPins({ api, stores }: PageProps) {
  const { t } = useI18n();
  const [storeId, setStoreId] = useState(stores[0]?.storeId ?? "");
  const [version, setVersion] = useState(0);
  const { resource: staff, retry } = useResource(
    (signal) => (storeId ? api.staff(storeId, signal) : Promise.resolve(undefined)),
    [api, storeId, version],
  );
  const reload = () => setVersion((v) => v + 1);
  const current = staff.data?.storeId === storeId ? staff.data : undefined;

  return (
    <>
      <div class={styles.head}>
        <h1>{t.staffPins.title}</h1>
        <p>{t.staffPins.intro}</p>
      </div>
      {stores.length > 1 && (
        <form class={styles.form} onSubmit={(e) => e.preventDefault()}>
          <div class={styles.field}>
            <label for={"staff-store"}>{t.staffPins.store}</label>
            <select id={"staff-store"} value={storeId} onChange={(e) => setStoreId(e.currentTarget.value)}>
              {stores.map((s) => (
                <option key={s.storeId} value={s.storeId}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        </form>
      )}
      {current ? (
        <>
          <PinForm
            key={storeId}
            api={api}
            storeId={storeId}
            pin={current.pin}
            timeZone={stores.find((s) => s.storeId === storeId)?.timeZone ?? "UTC"}
            onSaved={reload}
          />
          <MemberList key={`m-${storeId}`} api={api} storeId={storeId} staff={current} onChanged={reload} />
        </>
      ) : (
        <Status resource={staff} onRetry={retry} />
      )}
    </>
  );
}
