/** The discreet corner for staff: queue depth and last sync at a glance; a tap opens the PIN dialog. */
import type { Messages } from "../../lib/messages.ts";
import type { QueueStatus } from "../../lib/use-queue-status.ts";
import styles from "./status-corner.module.css";

interface Props {
  status: QueueStatus;
  syncText: string;
  t: Messages;
  onOpen: () => void;
}

export function StatusCorner({ status, syncText, t, onOpen }: Props) {
  const tone = !status.online ? styles.offline : status.depth > 0 ? styles.waiting : styles.ok;
  return (
    <button type="button" class={styles.corner} data-testid="status-corner" data-depth={status.depth} onClick={onOpen}>
      <span class={`${styles.dot} ${tone}`} aria-hidden="true" />
      <span class="sr-only">{t.staffSettings}: </span>
      <span>
        {t.queueShort} {status.depth} · {syncText}
      </span>
    </button>
  );
}
