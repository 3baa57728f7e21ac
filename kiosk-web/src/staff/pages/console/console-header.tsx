/** The console's top bar: brand, store, language and sign-out. */

import { LangSwitch } from "../../../common/lang-switch/lang-switch.tsx";
import { Button } from "../../components/button/button.tsx";
import { useI18n } from "../../lib/i18n.ts";
import styles from "./console.module.css";

interface Props {
  storeId: string;
  storeName?: string;
  /** Who is signed in, when known. */
  staffName?: string;
  onSignOut: () => void;
}

export function ConsoleHeader({ storeId, storeName, staffName, onSignOut }: Props) {
  const { t, lang, setLang } = useI18n();
  return (
    <header class={styles.header}>
      <div class={styles.brand}>
        <img class={styles.mark} src="/favicon.svg" alt="" width={36} height={36} />
        <span class={styles.brandText}>
          <span class={styles.product}>
            {t.product} · {t.area}
          </span>
          <span class={styles.store}>{storeName ?? t.signedInAs(storeId)}</span>
          {staffName && (
            <span class={styles.person} data-testid="signed-in-person">
              {t.signedInPerson(staffName)}
            </span>
          )}
        </span>
      </div>
      <div class={styles.tools}>
        <LangSwitch lang={lang} label={t.langSwitch} onChange={setLang} />
        <Button kind="secondary" onClick={onSignOut}>
          {t.signOut}
        </Button>
      </div>
    </header>
  );
}
