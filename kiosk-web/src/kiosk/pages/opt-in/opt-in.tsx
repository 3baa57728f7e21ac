/**
 * Opt-in step: one way to reach the shopper (email, phone or a social handle), the store's consent text in
 * full, and a consent box. Nothing is kept unless the box is ticked and the contact passes the shared schema.
 */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { OptIn as OptInValue } from "@sonrisa/shared/schemas/responses";
import type { KioskConfig } from "@sonrisa/shared/schemas/store";
import { textIn } from "@sonrisa/shared/store-text";
import { useEffect, useState } from "preact/hooks";
import { Button } from "../../components/button/button.tsx";
import { loadValidation } from "../../lib/lazy-validate.ts";
import type { Messages } from "../../lib/messages.ts";
import { Step } from "../step/step.tsx";
import styles from "./opt-in.module.css";

type Method = "email" | "phone" | "social";
type Problem = keyof Messages["errors"];
const NETWORK_NAMES = { instagram: "Instagram", tiktok: "TikTok", facebook: "Facebook", x: "X" } as const;

interface Props {
  config: KioskConfig;
  score: number;
  lang: Lang;
  t: Messages;
  index: number;
  count: number;
  onDone: (optIn?: OptInValue) => void;
}

export function OptIn({ config, score, lang, t, index, count, onDone }: Props) {
  const networks = config.optIn.networks;
  const methods: Method[] = networks.length ? ["email", "phone", "social"] : ["email", "phone"];
  const [method, setMethod] = useState<Method>("email");
  const [value, setValue] = useState("");
  const [network, setNetwork] = useState(networks[0] ?? "instagram");
  const [consent, setConsent] = useState(false);
  const [club, setClub] = useState(false);
  // Joining the loyalty programme needs an e-mail or a phone: the card's link goes there.
  const canJoin = Boolean(config.loyalty) && method !== "social";
  const [problem, setProblem] = useState<Problem>();
  useEffect(() => void loadValidation(), []);

  async function join() {
    if (!value.trim()) return setProblem("empty");
    const joining = canJoin && club;
    if (!consent && !joining) return setProblem("consent");
    const contact = method === "social" ? { social: { network, handle: value } } : { [method]: value.trim() };
    const check = (await loadValidation()).parseOptIn({
      ...contact,
      ...(consent ? { consent: { version: config.consent.version, granted: true } } : {}),
      ...(joining && config.loyalty ? { loyalty: { version: config.loyalty.consent.version, granted: true } } : {}),
    });
    if (!check.ok)
      return setProblem(check.field === "social" ? "handle" : check.field === "consent" ? "consent" : check.field);
    onDone(check.value);
  }

  const inputProblem = problem && problem !== "consent";
  const label = method === "email" ? t.emailLabel : method === "phone" ? t.phoneLabel : t.handleLabel;
  return (
    <Step
      score={score}
      index={index}
      count={count}
      progress={t.progress(index + 1, count)}
      title={textIn(config.optIn.prompt, lang, config.defaultLang)}
      actions={
        <>
          <Button kind="secondary" onClick={() => onDone()}>
            {t.noThanks}
          </Button>
          <Button onClick={join}>{t.join}</Button>
        </>
      }
    >
      <div class={styles.form}>
        <fieldset class={styles.methods}>
          <legend class="sr-only">{t.optInMethod}</legend>
          {methods.map((m) => (
            <label key={m} class={styles.pill}>
              <input
                type="radio"
                name="method"
                checked={method === m}
                onChange={() => {
                  setMethod(m);
                  setValue("");
                  setProblem(undefined);
                }}
              />
              {m === "email" ? t.optInEmail : m === "phone" ? t.optInPhone : t.optInSocial}
            </label>
          ))}
        </fieldset>
        {method === "social" && (
          <fieldset class={styles.methods}>
            <legend class="sr-only">{t.networkLabel}</legend>
            {networks.map((n) => (
              <label key={n} class={`${styles.pill} ${styles.small}`}>
                <input type="radio" name="network" checked={network === n} onChange={() => setNetwork(n)} />
                {NETWORK_NAMES[n]}
              </label>
            ))}
          </fieldset>
        )}
        <label class={styles.field}>
          <span class={styles.label}>{label}</span>
          <span class={styles.inputWrap}>
            {method === "social" && <span aria-hidden="true">@</span>}
            <input
              class={styles.input}
              type={method === "email" ? "email" : method === "phone" ? "tel" : "text"}
              inputMode={method === "email" ? "email" : method === "phone" ? "tel" : "text"}
              autoComplete="off"
              autoCapitalize="off"
              spellcheck={false}
              value={value}
              maxLength={254}
              aria-invalid={inputProblem ? true : undefined}
              aria-describedby={inputProblem ? "optin-problem" : undefined}
              onInput={(e) => {
                setValue(e.currentTarget.value);
                setProblem(undefined);
              }}
            />
          </span>
        </label>
        <div class={styles.consent}>
          <p class={styles.consentText} id="consent-text">
            {textIn(config.consent.text, lang, config.defaultLang)}
          </p>
          <label class={styles.check}>
            <input
              type="checkbox"
              checked={consent}
              aria-describedby="consent-text"
              aria-invalid={problem === "consent" ? true : undefined}
              onChange={(e) => {
                setConsent(e.currentTarget.checked);
                setProblem(undefined);
              }}
            />
            {t.consentLabel}
          </label>
        </div>
        {canJoin && config.loyalty && (
          <div class={styles.consent}>
            <p class={styles.consentText} id="club-text">
              {config.loyalty.consent.text[lang]}
            </p>
            <label class={styles.check}>
              <input
                type="checkbox"
                checked={club}
                aria-describedby="club-text"
                onChange={(e) => {
                  setClub(e.currentTarget.checked);
                  setProblem(undefined);
                }}
              />
              {t.clubLabel}
            </label>
          </div>
        )}
        <p id="optin-problem" class={styles.problem} role="alert">
          {problem ? t.errors[problem] : ""}
        </p>
      </div>
    </Step>
  );
}
