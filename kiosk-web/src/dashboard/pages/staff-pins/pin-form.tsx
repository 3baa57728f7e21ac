/** The store PIN: whether it is set and when it changed, and the form that sets or rotates it. */
import type { StaffPinState } from "@sonrisa/shared/schemas/staff";
import { useState } from "preact/hooks";
import styles from "../../components/admin-form/admin-form.module.css";
import type { DashboardApi } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { formErrors, type Msg } from "../../lib/server-errors.ts";

interface Props {
  api: DashboardApi;
  storeId: string;
  pin: StaffPinState;
  /** The store's zone, for when the PIN changed. */
  timeZone: string;
  onSaved: () => void;
}

export function PinForm({ api, storeId, pin, timeZone, onSaved }: Props) {
  const { t, f } = useI18n();
  const [value, setValue] = useState("");
  const [minDigits, setMinDigits] = useState(pin.minDigits);
  const [error, setError] = useState<Msg>();
  const [message, setMessage] = useState<{ ok: boolean; text: Msg }>();
  const [busy, setBusy] = useState(false);
  const valid = new RegExp(`^\\d{${minDigits},8}$`);

  const submit = async (event: Event) => {
    event.preventDefault();
    setMessage(undefined);
    const badPin: Msg = (m) => m.staffPins.badPin(minDigits);
    if (!valid.test(value)) return setError(() => badPin);
    setError(undefined);
    setBusy(true);
    try {
      await api.setStaffPin(storeId, value, minDigits);
      setValue("");
      setMessage({ ok: true, text: (m) => m.staffPins.rotated });
      onSaved();
    } catch (err) {
      const shown = formErrors(err, { pin_taken: (m) => m.staffPins.pinTaken }, (m) => m.staffPins.failed);
      if (shown.fields.pin) setError(() => badPin);
      else setMessage({ ok: false, text: shown.form ?? ((m) => m.staffPins.failed) });
    } finally {
      setBusy(false);
    }
  };

  const state = !pin.set
    ? t.staffPins.pinUnset
    : pin.updatedAt
      ? t.staffPins.pinSet(f.dateTime(pin.updatedAt, timeZone))
      : t.staffPins.pinSetNoDate;
  return (
    <section class={styles.card} aria-labelledby="store-pin">
      <h2 id="store-pin">{t.staffPins.storePin}</h2>
      <p data-testid="pin-state">{state}</p>
      <form class={styles.form} onSubmit={submit} noValidate>
        <div class={styles.field}>
          <label for={"store-pin-input"}>{t.staffPins.newPin}</label>
          <input
            id={"store-pin-input"}
            inputMode="numeric"
            autocomplete="off"
            maxLength={8}
            value={value}
            onInput={(e) => setValue(e.currentTarget.value.replace(/\D/g, ""))}
            aria-invalid={error ? "true" : undefined}
            aria-describedby="store-pin-note"
          />
          <span id="store-pin-note" class={error ? styles.fieldError : styles.hint}>
            {error?.(t) ?? t.staffPins.rotateNote}
          </span>
        </div>
        <div class={styles.field}>
          <label for={"store-pin-digits"}>{t.staffPins.minDigits}</label>
          <select
            id={"store-pin-digits"}
            value={minDigits}
            onChange={(e) => setMinDigits(Number(e.currentTarget.value))}
          >
            {[4, 5, 6, 7, 8].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <span class={styles.hint}>{t.staffPins.minDigitsHint}</span>
        </div>
        <div class={styles.actions}>
          <button type="submit" class={styles.primary} disabled={busy}>
            {busy ? t.staffPins.rotating : t.staffPins.rotate}
          </button>
        </div>
      </form>
      <p role={message?.ok === false ? "alert" : "status"} class={message?.ok ? styles.ok : styles.error}>
        {message?.text(t) ?? ""}
      </p>
    </section>
  );
}
