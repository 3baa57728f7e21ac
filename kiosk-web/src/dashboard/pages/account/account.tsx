/** Every signed-in user: change one's own password with the current one; the new session replaces the old. */
import { useState } from "preact/hooks";
import styles from "../../components/admin-form/admin-form.module.css";
import { ApiError } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { formErrors, type Msg } from "../../lib/server-errors.ts";
import type { PageProps } from "../page-props.ts";

export function Account({ api, session, renewSession }: PageProps) {
  const { t } = useI18n();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<Record<string, Msg>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: Msg }>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setMessage(undefined);
    const found: Record<string, Msg> = {};
    if (next.length < 12) found.newPassword = (m) => m.account.tooShort;
    else if (next !== repeat) found.repeat = (m) => m.account.mismatch;
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const renewed = await api.changePassword(current, next);
      setCurrent("");
      setNext("");
      setRepeat("");
      setMessage({ ok: true, text: (m) => m.account.saved });
      renewSession?.({ ...renewed, email: session.email });
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        const minutes = Math.ceil((err.retryAfter ?? 60) / 60);
        setMessage({ ok: false, text: (m) => m.account.locked(minutes) });
        return;
      }
      const shown = formErrors(err, {}, (m) => m.people.failed);
      if (shown.fields.currentPassword) setErrors({ currentPassword: (m) => m.account.wrongCurrent });
      else if (shown.fields.newPassword) setErrors({ newPassword: (m) => m.account.tooShort });
      else setMessage({ ok: false, text: shown.form ?? ((m) => m.people.failed) });
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string, label: string, value: string, set: (v: string) => void, auto: string, hint?: string) => (
    <div class={styles.field}>
      <label for={`account-${name}`}>{label}</label>
      <input
        id={`account-${name}`}
        type="password"
        autocomplete={auto}
        value={value}
        onInput={(e) => set(e.currentTarget.value)}
        aria-invalid={errors[name] ? "true" : undefined}
        aria-describedby={errors[name] || hint ? `account-${name}-note` : undefined}
      />
      {(errors[name] || hint) && (
        <span id={`account-${name}-note`} class={errors[name] ? styles.fieldError : styles.hint}>
          {errors[name]?.(t) ?? hint}
        </span>
      )}
    </div>
  );

  return (
    <>
      <div class={styles.head}>
        <h1>{t.account.title}</h1>
        <p>{t.account.intro}</p>
      </div>
      <section class={styles.card} aria-label={t.account.title}>
        <p>
          <strong>{session.email}</strong> · {t.roles[session.role]}
        </p>
        <form class={styles.form} onSubmit={submit} noValidate>
          <input type="email" autocomplete="username" value={session.email} hidden readOnly />
          {field("currentPassword", t.account.current, current, setCurrent, "current-password")}
          {field("newPassword", t.account.next, next, setNext, "new-password", t.account.hint)}
          {field("repeat", t.account.repeat, repeat, setRepeat, "new-password")}
          <div class={styles.actions}>
            <button type="submit" class={styles.primary} disabled={busy}>
              {busy ? t.account.saving : t.account.save}
            </button>
          </div>
        </form>
        <p role={message?.ok === false ? "alert" : "status"} class={message?.ok ? styles.ok : styles.error}>
          {message?.text(t) ?? ""}
        </p>
      </section>
    </>
  );
}
