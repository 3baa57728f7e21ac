/** A secret the server answers once (a key, a signing secret): shown with a copy button until dismissed. */
import { useState } from "preact/hooks";
import ui from "../../components/admin-ui/admin-ui.module.css";
import { useI18n } from "../../lib/i18n.ts";
import styles from "./integrations.module.css";

interface Props {
  title: string;
  hint: string;
  secret: string;
  onDone: () => void;
}

export function SecretOnce({ title, hint, secret, onDone }: Props) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard?.writeText(secret).then(
      () => setCopied(true),
      () => undefined,
    );
  return (
    <div class={styles.secret} role="status">
      <p class={styles.secretTitle}>{title}</p>
      <p class={styles.muted}>{hint}</p>
      <code class={styles.secretValue} data-testid="secret">
        {secret}
      </code>
      <div class={ui.row}>
        <button type="button" class={ui.button} onClick={copy}>
          {copied ? t.kiosks.copied : t.kiosks.copy}
        </button>
        <button type="button" class={ui.button} onClick={onDone}>
          {t.integrations.done}
        </button>
      </div>
    </div>
  );
}
