/** Thank-you screen, with the surprise gift and its code when the server awarded one. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { Surprise } from "@sonrisa/shared/schemas/responses";
import { Button } from "../../components/button/button.tsx";
import type { Messages } from "../../lib/messages.ts";
import styles from "./thanks.module.css";

interface Props {
  surprise?: Surprise;
  /** The verdict on this answer is on its way: leaving now could leave a win unseen. */
  waiting: boolean;
  lang: Lang;
  t: Messages;
  onDone: () => void;
}

export function Thanks({ surprise, waiting, lang, t, onDone }: Props) {
  return (
    <div class={styles.thanks}>
      <div class={styles.burst}>
        <svg viewBox="0 0 100 100" aria-hidden="true">
          <circle cx="50" cy="50" r="46" fill="#2e9e6a" />
          <path
            d="M30 52 L44 66 L71 37"
            fill="none"
            stroke="#fff"
            stroke-width="9"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
      </div>
      <h1 class={styles.title}>{t.thanksTitle}</h1>
      <p class={styles.text}>{t.thanksText}</p>
      <div aria-live="polite" class={styles.live}>
        {surprise && (
          <section class={styles.surprise} aria-labelledby="surprise-title">
            <h2 id="surprise-title" class={styles.surpriseTitle}>
              <span aria-hidden="true">🎁 </span>
              {t.surpriseTitle}
            </h2>
            <p class={styles.gift}>{surprise.gift[lang]}</p>
            <p class={styles.code}>
              <span>{t.surpriseCode}</span> <strong data-testid="surprise-code">{surprise.code}</strong>
            </p>
            <p class={styles.show}>{t.surpriseShow}</p>
          </section>
        )}
      </div>
      <Button kind="secondary" disabled={waiting} onClick={onDone}>
        {t.thanksDismiss}
      </Button>
    </div>
  );
}
