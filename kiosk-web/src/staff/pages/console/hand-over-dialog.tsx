/** "Hand over this gift?": the code large, the gift when the list knows it, a note when it does not. */
import { ConfirmDialog } from "../../components/confirm-dialog/confirm-dialog.tsx";
import { useI18n } from "../../lib/i18n.ts";
import type { HandOver } from "../../lib/use-hand-over.ts";
import styles from "./console.module.css";

export function HandOverDialog({ handOver }: { handOver: HandOver }) {
  const { t, lang } = useI18n();
  const { code, gift } = handOver.confirming!;
  return (
    <ConfirmDialog
      title={t.handOver.confirmTitle}
      confirmLabel={t.handOver.confirm}
      cancelLabel={t.handOver.cancel}
      busy={handOver.busy}
      onConfirm={handOver.confirm}
      onCancel={handOver.cancel}
    >
      <p class={styles.dialogCode}>{code}</p>
      {gift ? (
        <p class={styles.dialogGift}>{gift.gift[lang]}</p>
      ) : (
        <p class={styles.dialogNote}>{t.handOver.notListed}</p>
      )}
    </ConfirmDialog>
  );
}
