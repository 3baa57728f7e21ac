/** A rule's message as a shopper would read it, filled with sample values (links shown as where they lead). */
import type { FollowUpRule } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import styles from "./follow-ups.module.css";

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => values[name] ?? `{{${name}}}`);

/** Text without tags, for the HTML part's preview (the page never renders the template's HTML). */
const textOf = (html: string) =>
  html
    .replace(/<br\s*\/?>|<\/p>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();

export function Preview({ rule, lang, storeName }: { rule: FollowUpRule; lang: "es" | "en"; storeName: string }) {
  const { t } = useI18n();
  const template = rule.templates[lang];
  const values = {
    storeName,
    commentFirstLine: t.followUps.previewComment,
    reviewLink: rule.links.review ?? "",
    socialLink: rule.links.social ?? "",
    unsubscribeLink: `${location.origin}/u/…`,
  };
  return (
    <div class={styles.preview} aria-live="polite">
      <h4>{t.followUps.preview(lang)}</h4>
      {!template ? (
        <p>{t.followUps.noTemplate}</p>
      ) : (
        <>
          {template.subject && <p class={styles.subject}>{fill(template.subject, values)}</p>}
          <p class={styles.body}>
            {fill(rule.channel === "email" && template.html ? textOf(template.html) : template.text, values)}
          </p>
        </>
      )}
    </div>
  );
}
