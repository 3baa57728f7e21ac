/**
 * The loyalty programme: on or off, rewards as tiers of stamps (each with a gift in both languages and an
 * optional stock item), stamp expiry, whether purchases earn stamps, and the versioned consent text for joining.
 * Checked here with the server's own schema first; the server's issues are shown by field. Changes are listed
 * with who made them and what they changed.
 */
import { type LoyaltyProgram, LoyaltyProgram as ProgramSchema } from "@sonrisa/shared/schemas/loyalty";
import { useEffect, useState } from "preact/hooks";
import ui from "../../components/admin-ui/admin-ui.module.css";
import { Status } from "../../components/status/status.tsx";
import { ApiError } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { useResource } from "../../lib/use-resource.ts";
import type { PageProps } from "../page-props.ts";
import styles from "./loyalty.module.css";
import { loyaltyMessages } from "./messages.ts";
import { Revisions } from "./revisions.tsx";

interface Issue {
  path: string;
  message: string;
}

export function Loyalty({ api }: PageProps) {
  const { lang } = useI18n();
  const m = loyaltyMessages(lang);
  const { resource, retry } = useResource((signal) => api.loyaltyProgram(signal), [api]);
  const [program, setProgram] = useState<LoyaltyProgram>();
  const [state, setState] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const [issues, setIssues] = useState<Issue[]>([]);
  const [view, setView] = useState(resource.data);
  useEffect(() => {
    if (resource.data) {
      setProgram(resource.data.program);
      setView(resource.data);
    }
  }, [resource.data]);

  if (!program || !view) return <Status resource={resource} onRetry={retry} />;
  const set = (patch: Partial<LoyaltyProgram>) => {
    setProgram({ ...program, ...patch });
    setState("idle");
  };
  const setTier = (i: number, tier: LoyaltyProgram["tiers"][number]) =>
    set({ tiers: program.tiers.map((t, j) => (j === i ? tier : t)) });
  const issueAt = (path: string) => issues.find((x) => x.path === path)?.message;

  const save = async () => {
    const found = check(program, m);
    setIssues(found);
    if (found.length) return setState("failed");
    setState("saving");
    try {
      const saved = await api.putLoyaltyProgram(program);
      setView(saved);
      setProgram(saved.program);
      setState("saved");
    } catch (error) {
      const details = error instanceof ApiError ? (error.details ?? []) : [];
      setIssues(details.map((d) => ({ path: (d.path ?? []).join("."), message: d.message ?? "" })));
      setState("failed");
    }
  };

  return (
    <>
      <div class={ui.head}>
        <h1>{m.title}</h1>
        <p>{m.intro}</p>
        {!view.saved && <p class={ui.muted}>{m.notSaved}</p>}
      </div>
      <form
        class={styles.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <section class={ui.panel} aria-labelledby="loyalty-general">
          <h2 id="loyalty-general" class="sr-only">
            {m.title}
          </h2>
          <label class={ui.check}>
            <input
              type="checkbox"
              checked={program.enabled}
              onChange={(e) => set({ enabled: e.currentTarget.checked })}
            />
            {m.enabled}
          </label>
          <div class={styles.grid}>
            <label class={ui.field}>
              <span>{m.expiry}</span>
              <input
                type="number"
                min={1}
                max={60}
                value={program.expiryMonths}
                aria-invalid={issueAt("expiryMonths") ? true : undefined}
                onInput={(e) => set({ expiryMonths: Number(e.currentTarget.value) })}
              />
            </label>
            <label class={ui.check}>
              <input
                type="checkbox"
                checked={program.purchaseEarnsStamp}
                onChange={(e) => set({ purchaseEarnsStamp: e.currentTarget.checked })}
              />
              {m.purchase}
            </label>
          </div>
        </section>
        <section class={ui.panel} aria-labelledby="loyalty-tiers">
          <h2 id="loyalty-tiers">{m.tiers}</h2>
          <ol class={styles.tiers}>
            {program.tiers.map((tier, i) => (
              <li key={i} class={styles.tier} aria-label={m.tier(i + 1)}>
                <label class={ui.field}>
                  <span>{m.stamps}</span>
                  <input
                    type="number"
                    min={1}
                    max={100}
                    value={tier.stamps}
                    aria-invalid={issueAt(`tiers.${i}.stamps`) ? true : undefined}
                    aria-describedby={issueAt(`tiers.${i}.stamps`) ? `tier-${i}-error` : undefined}
                    onInput={(e) => setTier(i, { ...tier, stamps: Number(e.currentTarget.value) })}
                  />
                </label>
                <label class={ui.field}>
                  <span>{m.giftEs}</span>
                  <input
                    value={tier.gift.name.es}
                    maxLength={500}
                    onInput={(e) =>
                      setTier(i, {
                        ...tier,
                        gift: { ...tier.gift, name: { ...tier.gift.name, es: e.currentTarget.value } },
                      })
                    }
                  />
                </label>
                <label class={ui.field}>
                  <span>{m.giftEn}</span>
                  <input
                    value={tier.gift.name.en}
                    maxLength={500}
                    onInput={(e) =>
                      setTier(i, {
                        ...tier,
                        gift: { ...tier.gift, name: { ...tier.gift.name, en: e.currentTarget.value } },
                      })
                    }
                  />
                </label>
                <label class={ui.field}>
                  <span>{m.stockItem}</span>
                  <input
                    value={tier.gift.stockItem ?? ""}
                    maxLength={40}
                    title={m.stockHint}
                    onInput={(e) => {
                      const value = e.currentTarget.value.trim();
                      const { stockItem: _old, ...gift } = tier.gift;
                      setTier(i, { ...tier, gift: value ? { ...gift, stockItem: value } : gift });
                    }}
                  />
                </label>
                <button
                  type="button"
                  class={ui.danger}
                  disabled={program.tiers.length === 1}
                  onClick={() => set({ tiers: program.tiers.filter((_, j) => j !== i) })}
                >
                  {m.removeTier}
                </button>
                {issueAt(`tiers.${i}.stamps`) && (
                  <p id={`tier-${i}-error`} class={ui.error}>
                    {issueAt(`tiers.${i}.stamps`)}
                  </p>
                )}
              </li>
            ))}
          </ol>
          <button
            type="button"
            class={ui.button}
            disabled={program.tiers.length >= 10}
            onClick={() => {
              const last = program.tiers.at(-1)?.stamps ?? 0;
              set({ tiers: [...program.tiers, { stamps: last + 5, gift: { name: { es: "", en: "" } } }] });
            }}
          >
            {m.addTier}
          </button>
        </section>
        <section class={ui.panel} aria-labelledby="loyalty-consent">
          <h2 id="loyalty-consent">{m.consent}</h2>
          <p class={ui.muted}>{m.consentHint}</p>
          <label class={ui.field}>
            <span>{m.consentVersion}</span>
            <input
              value={program.consent.version}
              maxLength={40}
              aria-invalid={issueAt("consent.version") ? true : undefined}
              onInput={(e) => set({ consent: { ...program.consent, version: e.currentTarget.value } })}
            />
          </label>
          {issueAt("consent.version") && <p class={ui.error}>{issueAt("consent.version")}</p>}
          {(["es", "en"] as const).map((l) => (
            <label key={l} class={ui.field}>
              <span>{l === "es" ? m.consentEs : m.consentEn}</span>
              <textarea
                rows={3}
                maxLength={500}
                value={program.consent.text[l]}
                onInput={(e) =>
                  set({
                    consent: { ...program.consent, text: { ...program.consent.text, [l]: e.currentTarget.value } },
                  })
                }
              />
            </label>
          ))}
        </section>
        <div class={ui.row}>
          <button type="submit" class={ui.primary} disabled={state === "saving"} aria-busy={state === "saving"}>
            {state === "saving" ? m.saving : m.save}
          </button>
          <span role="status" class={state === "failed" ? ui.error : ui.muted}>
            {state === "saved" ? m.saved : state === "failed" ? m.invalid : ""}
          </span>
        </div>
        {issues.length > 0 && (
          <ul class={styles.issues}>
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                {issue.path && `${m.errorAt(issue.path)} `}
                {issue.message}
              </li>
            ))}
          </ul>
        )}
      </form>
      <Revisions revisions={view.revisions} m={m} />
    </>
  );
}

/** The server's schema first (ascending tiers, at least 1 stamp), with this page's words for the usual slips. */
function check(program: LoyaltyProgram, m: ReturnType<typeof loyaltyMessages>): Issue[] {
  const parsed = ProgramSchema.safeParse(program);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => {
    const path = i.path.join(".");
    const message = /^tiers\.\d+\.stamps$/.test(path)
      ? i.code === "custom"
        ? m.ascending
        : m.atLeastOne
      : /^tiers\.\d+\.gift\.name/.test(path)
        ? m.nameMissing
        : i.message;
    return { path, message };
  });
}
