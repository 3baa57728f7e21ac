/**
 * Admin: integrations (issue 14). Keys for other systems (a point of sale posting purchases), shown once, and
 * webhook endpoints with their signing secret, test events and delivery log.
 */
import ui from "../../components/admin-ui/admin-ui.module.css";
import { useI18n } from "../../lib/i18n.ts";
import type { PageProps } from "../page-props.ts";
import { EndpointsPanel } from "./endpoints-panel.tsx";
import styles from "./integrations.module.css";
import { KeysPanel } from "./keys-panel.tsx";

export function Integrations({ api, stores }: PageProps) {
  const { t } = useI18n();
  return (
    <div class={styles.page}>
      <div class={ui.head}>
        <div>
          <h1>{t.integrations.title}</h1>
          <p>{t.integrations.intro}</p>
        </div>
      </div>
      <KeysPanel api={api} stores={stores} />
      <EndpointsPanel api={api} />
    </div>
  );
}
