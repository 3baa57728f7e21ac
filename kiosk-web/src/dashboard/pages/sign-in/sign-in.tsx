/** E-mail and password to a marketing or admin session; errors are announced and point at the fix. */
import { useState } from "preact/hooks";
import { LangSwitch } from "../../../common/lang-switch/lang-switch.tsx";
import { ApiError, signIn } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import type { Session } from "../../lib/session.ts";
import type { Messages } from "../../messages.ts";
import styles from "./sign-in.module.css";

type Failure = keyof Pick<Messages["signIn"], "wrong" | "invalid" | "offline" | "locked" | "other">;

function failureOf(err: unknown): Failure {
  if (!(err instanceof ApiError)) return "other";
  if (err.status === 0) return "offline";
  if (err.status === 401) return "wrong";
  if (err.status === 429) return "locked";
  return err.status === 400 ? "invalid" : "other";
}

export function SignIn({ ended, onSignedIn }: { ended: boolean; onSignedIn: (session: Session) => void }) {
  const { t, lang, setLang } = useI18n();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>();

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const login = await signIn(email.trim(), password);
      onSignedIn({ ...login, email: email.trim() });
    } catch (err) {
      setFailure(failureOf(err));
      setBusy(false);
    }
  };

  return (
    <div class={styles.page}>
      <header class={styles.top}>
        <span class={styles.brand}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {t.product}
        </span>
        <LangSwitch lang={lang} label={t.langSwitch} onChange={setLang} compact />
      </header>
      <main class={styles.main}>
        <form class={styles.card} onSubmit={submit} aria-labelledby="sign-in-title" noValidate>
          <h1 id="sign-in-title">{t.signIn.title}</h1>
          <p class={styles.intro}>{t.signIn.intro}</p>
          {ended && !failure && (
            <p class={styles.note} role="status">
              {t.signIn.ended}
            </p>
          )}
          <label class={styles.field}>
            <span>{t.signIn.email}</span>
            <input
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
              aria-invalid={failure === "wrong" || failure === "invalid"}
            />
          </label>
          <label class={styles.field}>
            <span>{t.signIn.password}</span>
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
              aria-invalid={failure === "wrong" || failure === "invalid"}
            />
          </label>
          <div class={styles.error} role="alert">
            {failure && t.signIn[failure]}
          </div>
          <button class={styles.submit} type="submit" disabled={busy}>
            {busy ? t.signIn.busy : t.signIn.submit}
          </button>
        </form>
      </main>
    </div>
  );
}
