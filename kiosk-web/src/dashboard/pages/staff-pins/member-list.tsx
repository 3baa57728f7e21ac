/** Named staff of a store: who they are, since when, removing one (confirmed), and adding one with a PIN. */
import { useState } from "preact/hooks";
import styles from "../../components/admin-form/admin-form.module.css";
import type { DashboardApi, StaffList } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { formErrors } from "../../lib/server-errors.ts";
import own from "./staff-pins.module.css";

interface Props {
  api: DashboardApi;
  storeId: string;
  staff: StaffList;
  onChanged: () => void;
}

const NAME = /^[\p{L}\p{M}\p{N} .'-]{1,60}$/u;

export function MemberList({ api, storeId, staff, onChanged }: Props) {
  const { t, f } = useI18n();
  const [name, setName] = useState("");
  const [pin, setPin] = useState("");
  const [errors, setErrors] = useState<{ name?: string; pin?: string }>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const min = staff.pin.minDigits;

  const add = async (event: Event) => {
    event.preventDefault();
    setMessage(undefined);
    const found = {
      ...(NAME.test(name.trim()) ? {} : { name: t.staffPins.badName }),
      ...(new RegExp(`^\\d{${min},8}$`).test(pin) ? {} : { pin: t.staffPins.badPin(min) }),
    };
    setErrors(found);
    if (found.name || found.pin) return;
    setBusy(true);
    try {
      const member = await api.addStaffMember(storeId, name.trim(), pin);
      setName("");
      setPin("");
      setMessage({ ok: true, text: t.staffPins.added(member.name) });
      onChanged();
    } catch (err) {
      const shown = formErrors(
        err,
        { pin_taken: t.staffPins.pinTaken, too_many_members: t.staffPins.tooMany },
        t.staffPins.failed,
      );
      setErrors({
        ...(shown.fields.name ? { name: t.staffPins.badName } : {}),
        ...(shown.fields.pin ? { pin: t.staffPins.badPin(min) } : {}),
      });
      if (!shown.fields.name && !shown.fields.pin) setMessage({ ok: false, text: shown.form ?? t.staffPins.failed });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (staffId: string, who: string) => {
    if (!confirm(t.staffPins.confirmRemove(who))) return;
    setMessage(undefined);
    try {
      await api.removeStaffMember(storeId, staffId);
      onChanged();
    } catch {
      setMessage({ ok: false, text: t.staffPins.failed });
    }
  };

  return (
    <section class={styles.card} aria-labelledby="named-staff">
      <h2 id="named-staff">{t.staffPins.members}</h2>
      {staff.members.length === 0 ? (
        <p class={styles.note}>{t.staffPins.noMembers}</p>
      ) : (
        <ul class={own.members}>
          {staff.members.map((m) => (
            <li key={m.staffId} class={own.member}>
              <span class={own.name}>{m.name}</span>
              <span class={own.since}>{t.staffPins.since(f.day(m.createdAt.slice(0, 10), true))}</span>
              <button
                type="button"
                class={styles.danger}
                aria-label={t.staffPins.removeFor(m.name)}
                onClick={() => remove(m.staffId, m.name)}
              >
                {t.staffPins.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class={styles.form} onSubmit={add} noValidate>
        <label class={styles.field}>
          <span>{t.staffPins.name}</span>
          <input
            autocomplete="off"
            maxLength={60}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            aria-invalid={errors.name ? "true" : undefined}
            aria-describedby={errors.name ? "member-name-error" : undefined}
          />
          {errors.name && (
            <span id="member-name-error" class={styles.fieldError}>
              {errors.name}
            </span>
          )}
        </label>
        <label class={styles.field}>
          <span>{t.staffPins.memberPin}</span>
          <input
            inputMode="numeric"
            autocomplete="off"
            maxLength={8}
            value={pin}
            onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, ""))}
            aria-invalid={errors.pin ? "true" : undefined}
            aria-describedby={errors.pin ? "member-pin-error" : undefined}
          />
          {errors.pin && (
            <span id="member-pin-error" class={styles.fieldError}>
              {errors.pin}
            </span>
          )}
        </label>
        <div class={styles.actions}>
          <button type="submit" class={styles.primary} disabled={busy}>
            {busy ? t.staffPins.adding : t.staffPins.addMember}
          </button>
        </div>
      </form>
      <p role={message?.ok === false ? "alert" : "status"} class={message?.ok ? styles.ok : styles.error}>
        {message?.text ?? ""}
      </p>
    </section>
  );
}
