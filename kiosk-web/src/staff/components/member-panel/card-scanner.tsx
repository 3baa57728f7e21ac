/** The staff phone's camera reading a card's QR code; on only while shown (the scanner loads on demand). */
import { useEffect, useRef } from "preact/hooks";
import styles from "./member-panel.module.css";

interface Props {
  note: string;
  onText: (text: string) => void;
  onNoCamera: () => void;
}

export function CardScanner({ note, onText, onNoCamera }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const handler = useRef(onText);
  handler.current = onText;
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void import("../../../common/qr-scan.ts")
      .then((scan) => scan.startQrScan(video.current!, (text) => handler.current(text), "environment"))
      .then((s) => {
        if (gone) s();
        else stop = s;
      })
      .catch(() => !gone && onNoCamera());
    return () => {
      gone = true;
      stop?.();
    };
  }, []);
  return (
    <div class={styles.camera}>
      <video ref={video} class={styles.video} muted playsInline aria-label={note} />
      <p class={styles.muted}>{note}</p>
    </div>
  );
}
