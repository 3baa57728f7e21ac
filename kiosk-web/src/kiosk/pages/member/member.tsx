/**
 * "Are you a member?": the phone on a number pad, or the card's QR code held up to the tablet's camera (on only
 * while the scanner is open). Identification goes with the answer and counts when it syncs, exactly once; the
 * thank-you shows the stamps ("4 of 5") and nothing else about the person. Loaded on demand.
 */

import { parseCardQr } from "@sonrisa/shared/card-qr";
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { ResponseItem } from "@sonrisa/shared/schemas/responses";
import { useEffect, useRef, useState } from "preact/hooks";
import { startQrScan } from "../../../common/qr-scan.ts";
import { Button } from "../../components/button/button.tsx";
import type { Messages } from "../../lib/messages.ts";
import { Step } from "../step/step.tsx";
import styles from "./member.module.css";
import { memberMessages } from "./messages.ts";

interface Props {
  score: number;
  lang: Lang;
  t: Messages;
  index: number;
  count: number;
  /** identified: the answer goes with the member; undefined: not a member, go on */
  onDone: (member?: NonNullable<ResponseItem["member"]>) => void;
}

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "0", "del"] as const;

export function Member({ score, lang, t, index, count, onDone }: Props) {
  const m = memberMessages(lang);
  const [digits, setDigits] = useState("");
  const [problem, setProblem] = useState<string>();
  const [scanning, setScanning] = useState(false);

  const press = (key: (typeof KEYS)[number]) => {
    setProblem(undefined);
    if (key === "del") return setDigits((d) => d.slice(0, -1));
    if (key === "+") return setDigits((d) => (d ? d : "+"));
    setDigits((d) => (d.replace("+", "").length < 15 ? d + key : d));
  };
  const submit = () => {
    const n = digits.replace("+", "").length;
    if (n < 8) return setProblem(m.short);
    onDone({ phone: digits });
  };

  return (
    <Step
      score={score}
      index={index}
      count={count}
      progress={t.progress(index + 1, count)}
      title={m.title}
      hint={m.hint}
      actions={
        <>
          <Button kind="secondary" onClick={() => onDone()}>
            {m.notMember}
          </Button>
          <Button onClick={submit}>{m.done}</Button>
        </>
      }
    >
      <div class={styles.layout}>
        <div class={styles.phone}>
          <output class={styles.display} aria-label={m.phone} data-testid="member-phone">
            {digits ? group(digits) : <span class={styles.placeholder}>{m.phonePlaceholder}</span>}
          </output>
          <fieldset class={styles.keypad}>
            <legend class="sr-only">{m.keypad}</legend>
            {KEYS.map((key) => (
              <button
                key={key}
                type="button"
                class={styles.key}
                aria-label={key === "del" ? m.delete : undefined}
                onClick={() => press(key)}
              >
                {key === "del" ? "⌫" : key}
              </button>
            ))}
          </fieldset>
          <p class={styles.problem} role="alert">
            {problem ?? ""}
          </p>
        </div>
        <p class={styles.or}>{m.or}</p>
        <div class={styles.scan}>
          {scanning ? (
            <Scanner
              m={m}
              onCode={(code) => onDone({ code })}
              onProblem={(text) => {
                setScanning(false);
                setProblem(text);
              }}
              onClose={() => setScanning(false)}
            />
          ) : (
            <Button kind="secondary" class={styles.scanButton} onClick={() => setScanning(true)}>
              <span aria-hidden="true">📷 </span>
              {m.scan}
            </Button>
          )}
        </div>
      </div>
    </Step>
  );
}

function group(digits: string): string {
  return digits.replace(/(\d{3})(?=\d)/g, "$1 ");
}

interface ScannerProps {
  m: ReturnType<typeof memberMessages>;
  onCode: (code: string) => void;
  onProblem: (text: string) => void;
  onClose: () => void;
}

/** The camera, on while this is shown: the first card QR code read identifies the member. */
function Scanner({ m, onCode, onProblem, onClose }: ScannerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [note, setNote] = useState(m.scanning);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let done = false;
    void startQrScan(
      video.current!,
      (text) => {
        const card = parseCardQr(text);
        if (!card) return setNote(m.notQr);
        if (done) return;
        done = true;
        stop?.();
        onCode(card.code);
      },
      "user",
    )
      .then((s) => {
        if (done) s();
        else stop = s;
      })
      .catch(() => onProblem(m.noCamera));
    return () => {
      done = true;
      stop?.();
    };
  }, []);
  return (
    <div class={styles.camera}>
      <video ref={video} class={styles.video} muted playsInline aria-label={m.scanning} data-testid="member-camera" />
      <p class={styles.note}>{note}</p>
      <Button kind="quiet" onClick={onClose}>
        {m.scanStop}
      </Button>
    </div>
  );
}
