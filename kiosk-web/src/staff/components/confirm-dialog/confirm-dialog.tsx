/** A modal question with a confirm and a cancel button (native <dialog>: focus stays inside, Esc cancels). */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { Button } from "../button/button.tsx";
import styles from "./confirm-dialog.module.css";

interface Props {
  title: string;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ComponentChildren;
}

export function ConfirmDialog({ title, confirmLabel, cancelLabel, busy, onConfirm, onCancel, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      class={styles.dialog}
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="confirm-title" class={styles.title}>
        {title}
      </h2>
      <div class={styles.body}>{children}</div>
      <div class={styles.actions}>
        <Button kind="secondary" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </Button>
        <Button onClick={onConfirm} disabled={busy} autofocus>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
