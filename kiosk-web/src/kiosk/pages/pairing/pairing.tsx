/** Pairing screen: the one-time code from the dashboard links this tablet to its store. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import { useEffect, useState } from "preact/hooks";
import { LangSwitch } from "../../../common/lang-switch/lang-switch.tsx";
import { Button } from "../../components/button/button.tsx";
import { ApiError } from "../../lib/api.ts";
import { loadValidation } from "../../lib/lazy-validate.ts";
import { messagesFor } from "../../lib/messages.ts";
import styles from "./pairing.module.css";

// The closed screen (an event out of its dates, an archived store) travels in this on-demand chunk: a chunk of
// its own would make the bundler split Preact out of the kiosk's start chunk, which costs about 0.5 KB gzipped.
export { Closed } from "../closed/closed.tsx";

type Problem = "format" | "rejected" | "offline" | "other";

interface Props {
  lang: Lang;
  onLang: (lang: Lang) => void;
  /** Answers still waiting from before the device was unpaired, if it was. */
  waiting?: number;
  onPair: (code: string) => Promise<void>;
}

export function Pairing({ lang, onLang, waiting, onPair }: Props) {
  const t = messagesFor(lang);
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  useEffect(() => void loadValidation(), []);

  async function submit(e: Event) {
    e.preventDefault();
    const parsed = (await loadValidation()).parsePairingCode(code);
    if (!parsed) return setProblem("format");
    setBusy(true);
    setProblem(undefined);
    try {
      await onPair(parsed);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : -1;
      setProblem(status === 0 ? "offline" : status >= 400 && status < 500 ? "rejected" : "other");
      setBusy(false);
    }
  }

  return (
    <main class={styles.page}>
      <div class={styles.lang}>
        <LangSwitch lang={lang} label={t.langSwitch} onChange={onLang} />
      </div>
      <form class={styles.card} onSubmit={submit} noValidate>
        <img class={styles.mark} src="/favicon.svg" alt="" />
        <h1 class={styles.title}>{t.pairTitle}</h1>
        {waiting !== undefined && <p class={styles.notice}>{t.unpairedNotice(waiting)}</p>}
        <p class={styles.intro}>{t.pairIntro}</p>
        <label class={styles.field}>
          <span class={styles.label}>{t.pairLabel}</span>
          <input
            class={styles.input}
            value={code}
            maxLength={12}
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            placeholder="ABCD2345"
            aria-invalid={problem === "format" ? true : undefined}
            aria-describedby="pair-problem"
            onInput={(e) => {
              setCode(e.currentTarget.value.toUpperCase());
              setProblem(undefined);
            }}
          />
        </label>
        <p id="pair-problem" class={styles.problem} role="alert">
          {problem ? t.pairErrors[problem] : ""}
        </p>
        <Button type="submit" disabled={busy}>
          {busy ? t.pairing : t.pairButton}
        </Button>
      </form>
    </main>
  );
}
