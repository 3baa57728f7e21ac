/**
 * A live message under a form: success is announced politely, a problem assertively. The region stays in
 * the page while empty so screen readers pick up what appears in it.
 */
import styles from "./notice.module.css";

export interface NoticeValue {
  tone: "success" | "error";
  text: string;
}

export function Notice({ value, id }: { value?: NoticeValue; id?: string }) {
  return (
    <div id={id} class={styles.region} role={value?.tone === "error" ? "alert" : "status"}>
      {value && (
        <p class={`${styles.notice} ${styles[value.tone]}`}>
          <span aria-hidden="true" class={styles.icon}>
            {value.tone === "success" ? "✓" : "!"}
          </span>
          {value.text}
        </p>
      )}
    </div>
  );
}
