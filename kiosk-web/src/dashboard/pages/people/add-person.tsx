/** The form that adds a person: e-mail, role, first password and, for a manager, the stores. */
import type { UserRole } from "@sonrisa/shared/schemas/users";
import { useState } from "preact/hooks";
import styles from "../../components/admin-form/admin-form.module.css";
import type { DashboardApi, Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { formErrors, type Msg } from "../../lib/server-errors.ts";
import { ROLES } from "./roles.ts";
import { StoreChoices } from "./store-choices.tsx";

interface Props {
  api: DashboardApi;
  stores: Store[];
  onAdded: () => void;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function AddPerson({ api, stores, onAdded }: Props) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<UserRole>("marketing");
  const [password, setPassword] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, Msg>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: Msg }>();
  const [busy, setBusy] = useState(false);

  const check = () => {
    const found: Record<string, Msg> = {};
    if (!EMAIL.test(email.trim())) found.email = (m) => m.people.badEmail;
    if (password.length < 12) found.password = (m) => m.people.shortPassword;
    if (role === "manager" && chosen.length === 0) found.stores = (m) => m.people.needStore;
    return found;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setMessage(undefined);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const user = await api.createUser({
        email: email.trim(),
        role,
        password,
        ...(role === "manager" ? { stores: chosen } : {}),
      });
      setMessage({ ok: true, text: (m) => m.people.created(user.email) });
      setEmail("");
      setPassword("");
      setChosen([]);
      onAdded();
    } catch (err) {
      const shown = formErrors(err, { email_taken: (m) => m.people.emailTaken }, (m) => m.people.failed);
      const local: Record<string, Msg> = {};
      if (shown.fields.email) local.email = (m) => m.people.badEmail;
      if (shown.fields.password) local.password = (m) => m.people.shortPassword;
      if (shown.fields.stores) local.stores = (m) => m.people.needStore;
      setErrors(local);
      if (shown.form || !Object.keys(local).length) {
        setMessage({ ok: false, text: shown.form ?? ((m) => m.people.failed) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class={styles.card} aria-labelledby="add-person">
      <h2 id="add-person">{t.people.add}</h2>
      <form class={styles.form} onSubmit={submit} noValidate>
        <div class={styles.field}>
          <label for={"add-email"}>{t.people.email}</label>
          <input
            id={"add-email"}
            type="email"
            autocomplete="off"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
            aria-invalid={errors.email ? "true" : undefined}
            aria-describedby={errors.email ? "add-email-error" : undefined}
          />
          {errors.email && (
            <span id="add-email-error" class={styles.fieldError}>
              {errors.email(t)}
            </span>
          )}
        </div>
        <div class={styles.field}>
          <label for={"add-role"}>{t.people.role}</label>
          <select id={"add-role"} value={role} onChange={(e) => setRole(e.currentTarget.value as UserRole)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        </div>
        <div class={styles.field}>
          <label for={"add-password"}>{t.people.password}</label>
          <input
            id={"add-password"}
            type="password"
            autocomplete="new-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={errors.password ? "true" : undefined}
            aria-describedby="add-password-hint"
          />
          <span id="add-password-hint" class={errors.password ? styles.fieldError : styles.hint}>
            {errors.password?.(t) ?? t.people.passwordHint}
          </span>
        </div>
        {role === "manager" && (
          <StoreChoices
            id="add-stores"
            stores={stores}
            chosen={chosen}
            onChange={setChosen}
            error={errors.stores?.(t)}
          />
        )}
        <div class={styles.actions}>
          <button type="submit" class={styles.primary} disabled={busy}>
            {busy ? t.people.creating : t.people.create}
          </button>
        </div>
      </form>
      <p role={message?.ok === false ? "alert" : "status"} class={message?.ok ? styles.ok : styles.error}>
        {message?.text(t) ?? ""}
      </p>
    </section>
  );
}
