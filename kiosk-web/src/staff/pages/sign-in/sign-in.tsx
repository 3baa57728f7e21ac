/** Store and PIN to a staff session; remembers the stores used on this device and says how long a lock-out lasts. */
import { StaffLoginRequest } from "@sonrisa/shared/schemas/auth";
import { useState } from "preact/hooks";
import { LangSwitch } from "../../../common/lang-switch/lang-switch.tsx";
import { useNow } from "../../../common/use-now.ts";
import { Button } from "../../components/button/button.tsx";
import { Field, inputClass } from "../../components/field/field.tsx";
import { Notice } from "../../components/notice/notice.tsx";
import { ApiError, signInStaff } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { knownStores, type Session } from "../../lib/session.ts";
import styles from "./sign-in.module.css";

type Problem = "wrong" | "format" | "offline" | "other" | "ended";

interface Props {
  ended?: boolean;
  onSignedIn: (session: Session) => void;
}

export function SignIn({ ended, onSignedIn }: Props) {
  const { t, lang, setLang } = useI18n();
  const [stores] = useState(knownStores);
  const [storeId, setStoreId] = useState(stores[0] ?? "");
  const [pin, setPin] = useState("");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(ended ? "ended" : undefined);
  const [lock, setLock] = useState<{ storeId: string; until: number }>();
  const now = useNow(10_000);
  const lockedMinutes = lock && lock.storeId === storeId.trim() ? Math.ceil((lock.until - now) / 60_000) : 0;

  async function submit(e: Event) {
    e.preventDefault();
    const parsed = StaffLoginRequest.safeParse({ storeId: storeId.trim().toLowerCase(), pin });
    if (!parsed.success) return setProblem("format");
    setBusy(true);
    setProblem(undefined);
    try {
      const res = await signInStaff(parsed.data.storeId, parsed.data.pin);
      const session: Session = { token: res.token, storeId: res.storeId, expiresAt: res.expiresAt };
      // A named member's own PIN says who it is; otherwise the name typed here, if any.
      if (res.staffId && res.staffName) Object.assign(session, { staffId: res.staffId, staffName: res.staffName });
      else if (name.trim()) session.staffName = name.trim();
      onSignedIn(session);
    } catch (err) {
      setPin("");
      setBusy(false);
      if (!(err instanceof ApiError)) return setProblem("other");
      if (err.status === 429) {
        setLock({ storeId: parsed.data.storeId, until: Date.now() + (err.retryAfter ?? 15 * 60) * 1000 });
        return setProblem(undefined);
      }
      setProblem(err.status === 401 ? "wrong" : err.status === 400 ? "format" : err.status === 0 ? "offline" : "other");
    }
  }

  const notice =
    lockedMinutes > 0
      ? t.signInErrors.locked(lockedMinutes)
      : problem === "ended"
        ? t.signInErrors.ended
        : problem && t.signInErrors[problem];
  return (
    <main class={styles.page}>
      <div class={styles.lang}>
        <LangSwitch lang={lang} label={t.langSwitch} onChange={setLang} />
      </div>
      <form class={styles.card} onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <div class={styles.brand}>
          <img class={styles.mark} src="/favicon.svg" alt="" width={36} height={36} />
          <span>
            {t.product} · {t.area}
          </span>
        </div>
        <h1 id="sign-in-title" class={styles.title}>
          {t.signIn.title}
        </h1>
        <p class={styles.intro}>{t.signIn.intro}</p>
        <Field id="store" label={t.signIn.store} hint={t.signIn.storeHint}>
          <input
            id="store"
            class={inputClass}
            list={stores.length ? "known-stores" : undefined}
            autoComplete="off"
            autoCapitalize="none"
            spellcheck={false}
            value={storeId}
            aria-describedby="store-hint"
            onInput={(e) => setStoreId(e.currentTarget.value)}
          />
          {stores.length > 0 && (
            <datalist id="known-stores">
              {stores.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          )}
        </Field>
        <Field id="pin" label={t.signIn.pin} hint={t.signIn.pinHint}>
          <input
            id="pin"
            class={`${inputClass} ${styles.pin}`}
            type="password"
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            maxLength={8}
            value={pin}
            aria-describedby="pin-hint sign-in-problem"
            aria-invalid={problem === "wrong" || problem === "format" ? true : undefined}
            onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, ""))}
          />
        </Field>
        <Field id="staff-name" label={t.signIn.name} hint={t.signIn.nameHint}>
          <input
            id="staff-name"
            class={inputClass}
            autoComplete="given-name"
            maxLength={60}
            value={name}
            aria-describedby="staff-name-hint"
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </Field>
        <Notice id="sign-in-problem" value={notice ? { tone: "error", text: notice } : undefined} />
        <Button type="submit" class={styles.submit} disabled={busy || lockedMinutes > 0}>
          {busy ? t.signIn.busy : t.signIn.submit}
        </Button>
      </form>
    </main>
  );
}
