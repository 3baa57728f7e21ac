/** Named staff of a store: who they are, since when, removing one (confirmed), and adding one with a PIN. */
import { useState } from "preact/hooks";
import styles from "../../components/admin-form/admin-form.module.css";
import type { DashboardApi, StaffList } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { formErrors, type Msg } from "../../lib/server-errors.ts";
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
  const [errors, setErrors] = useState<{ name?: Msg; pin?: Msg }>({});
  const [message, setMessage] = useState<{ ok: boolean; text: Msg }>();
  const [busy, setBusy] = useState(false);
  const min = staff.pin.minDigits;
  const badName: Msg = (m) => m.staffPins.badName;
  const badPin: Msg = (m) => m.staffPins.badPin(min);

  const add = async (event: Event) => {
    event.preventDefault();
    setMessage(undefined);
    const found = {
      ...(NAME.test(name.trim()) ? {} : { name: badName }),
      ...(new RegExp(`^\\d{${min},8}$`).test(pin) ? {} : { pin: badPin }),
    };
    setErrors(found);
    if (found.name || found.pin) return;
    setBusy(true);
    try {
      const member = await api.addStaffMember(storeId, name.trim(), pin);
      setName("");
      setPin("");
      setMessage({ ok: true, text: (m) => m.staffPins.added(member.name) });
      onChanged();
    } catch (err) {
      const shown = formErrors(
        err,
        { pin_taken: (m) => m.staffPins.pinTaken, too_many_members: (m) => m.staffPins.tooMany },
        (m) => m.staffPins.failed,
      );
      setErrors({
        ...(shown.fields.name ? { name: badName } : {}),
        ...(shown.fields.pin ? { pin: badPin } : {}),
      });
      if (!shown.fields.name && !shown.fields.pin) {
        setMessage({ ok: false, text: shown.form ?? ((m) => m.staffPins.failed) });
      }
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
      setMessage({ ok: false, text: (m) => m.staffPins.failed });
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
        <div class={styles.field}>
          <label for={"member-name"}>{t.staffPins.name}</label>
          <input
            id={"member-name"}
            autocomplete="off"
            maxLength={60}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            aria-invalid={errors.name ? "true" : undefined}
            aria-describedby={errors.name ? "member-name-error" : undefined}
          />
          {errors.name && (
            <span id="member-name-error" class={styles.fieldError}>
              {errors.name(t)}
            </span>
          )}
        </div>
        <div class={styles.field}>
          <label for={"member-pin"}>{t.staffPins.memberPin}</label>
          <input
            id={"member-pin"}
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
              {errors.pin(t)}
            </span>
          )}
        </div>
        <div class={styles.actions}>
          <button type="submit" class={styles.primary} disabled={busy}>
            {busy ? t.staffPins.adding : t.staffPins.addMember}
          </button>
        </div>
      </form>
      <p role={message?.ok === false ? "alert" : "status"} class={message?.ok ? styles.ok : styles.error}>
        {message?.text(t) ?? ""}
      </p>
    </section>
  );
}
