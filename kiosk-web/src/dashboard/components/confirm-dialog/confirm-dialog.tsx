/** A modal question before something that cannot be undone from the page (revoke a kiosk, archive a store). */
import { useEffect, useRef } from "preact/hooks";
import { useI18n } from "../../lib/i18n.ts";
import buttons from "../buttons/buttons.module.css";
import styles from "./confirm-dialog.module.css";

interface Props {
  title: string;
  text: string;
  confirm: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, text, confirm, busy, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      class={styles.dialog}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <p id="confirm-text">{text}</p>
      <div class={styles.actions}>
        <button type="button" class={buttons.secondary} onClick={onCancel}>
          {t.confirm.cancel}
        </button>
        <button type="button" class={buttons.danger} disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
