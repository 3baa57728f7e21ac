/** One person: e-mail, role, stores and status, with an inline editor and disable/enable. */
import type { UserRole } from "@sonrisa/shared/schemas/users";
import { useState } from "preact/hooks";
import styles from "../../components/admin-form/admin-form.module.css";
import type { DashboardApi, Store, User } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { formErrors, type Msg } from "../../lib/server-errors.ts";
import own from "./people.module.css";
import { ROLES, storeNames } from "./roles.ts";
import { StoreChoices } from "./store-choices.tsx";

interface Props {
  api: DashboardApi;
  user: User;
  stores: Store[];
  self: boolean;
  onSaved: () => void;
}

const needStore: Msg = (m) => m.people.needStore;
const failed: Msg = (m) => m.people.failed;

export function PersonRow({ api, user, stores, self, onSaved }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<UserRole>(user.role);
  const [chosen, setChosen] = useState<string[]>(user.stores ?? []);
  const [error, setError] = useState<Msg>();
  const [storesError, setStoresError] = useState<Msg>();
  const [busy, setBusy] = useState(false);
  const id = `user-${user.userId}`;

  const save = async (change: Parameters<DashboardApi["updateUser"]>[1]) => {
    setError(undefined);
    setStoresError(undefined);
    setBusy(true);
    try {
      await api.updateUser(user.userId, change);
      setEditing(false);
      onSaved();
    } catch (err) {
      const shown = formErrors(err, { last_admin: (m) => m.people.lastAdmin }, (m) => m.people.failed);
      // A function is a state updater for useState: wrap each message once.
      if (shown.fields.stores) setStoresError(() => needStore);
      else setError(() => shown.form ?? failed);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: Event) => {
    event.preventDefault();
    if (role === "manager" && chosen.length === 0) return setStoresError(() => needStore);
    void save(role === "manager" ? { role, stores: chosen } : { role });
  };

  return (
    <li class={own.row} data-disabled={user.disabled} aria-labelledby={`${id}-email`}>
      <div class={own.summary}>
        <span class={own.email} id={`${id}-email`}>
          {user.email}
          {self && <span class={own.you}> ({t.people.you})</span>}
        </span>
        <span class={own.badge}>{t.roles[user.role]}</span>
        <span class={own.stores}>
          <span class="sr-only">{t.people.stores}: </span>
          {storeNames(user, stores, t.people.allStores)}
        </span>
        <span class={own.status} data-state={user.disabled ? "off" : "on"}>
          {user.disabled ? t.people.disabled : t.people.active}
        </span>
        <span class={own.buttons}>
          <button
            type="button"
            class={styles.secondary}
            aria-expanded={editing}
            aria-label={t.people.editFor(user.email)}
            onClick={() => setEditing(!editing)}
          >
            {t.people.edit}
          </button>
          <button
            type="button"
            class={user.disabled ? styles.secondary : styles.danger}
            disabled={busy}
            aria-label={user.disabled ? t.people.enableFor(user.email) : t.people.disableFor(user.email)}
            onClick={() => save({ disabled: !user.disabled })}
          >
            {user.disabled ? t.people.enable : t.people.disable}
          </button>
        </span>
      </div>
      {editing && (
        <form class={`${styles.form} ${own.editor}`} onSubmit={submit} aria-label={t.people.editFor(user.email)}>
          <div class={styles.field}>
            <label for={`${id}-role`}>{t.people.role}</label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.currentTarget.value as UserRole)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t.roles[r]}
                </option>
              ))}
            </select>
          </div>
          {role === "manager" && (
            <StoreChoices
              id={`${id}-stores`}
              stores={stores}
              chosen={chosen}
              onChange={setChosen}
              error={storesError?.(t)}
            />
          )}
          <div class={styles.actions}>
            <button type="submit" class={styles.primary} disabled={busy}>
              {t.people.save}
            </button>
            <button type="button" class={styles.secondary} onClick={() => setEditing(false)}>
              {t.people.cancel}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p class={styles.error} role="alert">
          {error(t)}
        </p>
      )}
    </li>
  );
}
