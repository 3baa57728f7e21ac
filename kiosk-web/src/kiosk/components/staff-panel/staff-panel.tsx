/** Staff PIN dialog, then the kiosk's settings: sync state, full screen, exit and unpairing. */
import { useEffect, useRef, useState } from "preact/hooks";
import type { Messages } from "../../lib/messages.ts";
import { kick } from "../../lib/sender.ts";
import { checkStaffPin, type PinVerdict } from "../../lib/staff-pin.ts";
import type { QueueStatus } from "../../lib/use-queue-status.ts";
import { Button } from "../button/button.tsx";
import styles from "./staff-panel.module.css";

interface Props {
  storeId: string;
  storeName: string;
  deviceId: string;
  status: QueueStatus;
  syncText: string;
  t: Messages;
  onClose: () => void;
  onUnpair: () => void;
}

export function StaffPanel(props: Props) {
  const { onClose } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const [unlocked, setUnlocked] = useState(false);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      class={styles.dialog}
      aria-labelledby="staff-title"
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {unlocked ? <Settings {...props} /> : <PinForm {...props} onOk={() => setUnlocked(true)} />}
    </dialog>
  );
}

function PinForm({ storeId, t, onClose, onOk }: Props & { onOk: () => void }) {
  const [pin, setPin] = useState("");
  const [verdict, setVerdict] = useState<Exclude<PinVerdict, "ok"> | "format">();
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!/^\d{4,8}$/.test(pin)) return setVerdict("format");
    setBusy(true);
    const result = await checkStaffPin(storeId, pin);
    setBusy(false);
    setPin("");
    if (result === "ok") onOk();
    else setVerdict(result);
  }

  return (
    <form class={styles.body} onSubmit={submit}>
      <h2 id="staff-title" class={styles.title}>
        {t.pinTitle}
      </h2>
      <label class={styles.field}>
        <span>{t.pinLabel}</span>
        <input
          class={styles.pin}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          aria-invalid={verdict ? true : undefined}
          aria-describedby="pin-problem"
          onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, ""))}
        />
      </label>
      <p id="pin-problem" class={styles.problem} role="alert">
        {verdict ? t.pinErrors[verdict] : ""}
      </p>
      <div class={styles.actions}>
        <Button kind="secondary" onClick={onClose}>
          {t.cancel}
        </Button>
        <Button type="submit" disabled={busy}>
          {t.pinEnter}
        </Button>
      </div>
    </form>
  );
}

function Settings({ storeName, storeId, deviceId, status, syncText, t, onClose, onUnpair }: Props) {
  const [full, setFull] = useState(Boolean(document.fullscreenElement));
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    const update = () => setFull(Boolean(document.fullscreenElement));
    document.addEventListener("fullscreenchange", update);
    return () => document.removeEventListener("fullscreenchange", update);
  }, []);

  const toggleFullscreen = () =>
    void (
      document.fullscreenElement
        ? document.exitFullscreen()
        : document.documentElement.requestFullscreen({ navigationUI: "hide" })
    ).catch(() => undefined);
  const exit = async () => {
    if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
    location.assign("/");
  };

  return (
    <div class={styles.body}>
      <h2 id="staff-title" class={styles.title}>
        {t.settingsTitle}
      </h2>
      <dl class={styles.facts}>
        <dt>{t.store}</dt>
        <dd>
          {storeName} <span class={styles.id}>({storeId})</span>
        </dd>
        <dt>{t.device}</dt>
        <dd class={styles.id}>{deviceId}</dd>
        <dt>{t.queue}</dt>
        <dd data-testid="settings-depth">{status.depth}</dd>
        <dt>{t.lastSync}</dt>
        <dd>{syncText}</dd>
        <dt>{t.online}</dt>
        <dd>{status.online ? t.onlineYes : t.onlineNo}</dd>
      </dl>
      <div class={styles.grid}>
        <Button kind="secondary" onClick={() => kick()}>
          {t.syncNow}
        </Button>
        <Button kind="secondary" onClick={toggleFullscreen}>
          {full ? t.fullscreenOff : t.fullscreenOn}
        </Button>
        <Button kind="secondary" onClick={exit}>
          {t.exitKiosk}
        </Button>
        <Button kind="secondary" class={styles.danger} onClick={() => setConfirming(true)}>
          {t.unpair}
        </Button>
      </div>
      {confirming && (
        <div class={styles.confirm} role="alert">
          <p>{t.unpairConfirm(status.depth)}</p>
          <div class={styles.actions}>
            <Button kind="secondary" onClick={() => setConfirming(false)}>
              {t.cancel}
            </Button>
            <Button class={styles.dangerFilled} onClick={onUnpair}>
              {t.unpair}
            </Button>
          </div>
        </div>
      )}
      <div class={styles.actions}>
        <Button onClick={onClose}>{t.close}</Button>
      </div>
    </div>
  );
}
