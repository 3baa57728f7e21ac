/** The kiosk page: pairing until paired, then the shopper flow. Starts the queue's sender for this tab. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import { useEffect, useState } from "preact/hooks";
import styles from "./app.module.css";
import { Kiosk } from "./kiosk.tsx";
import { lazyComponent } from "./lib/lazy-component.ts";
import { browserLang, messagesFor } from "./lib/messages.ts";
import { depth } from "./lib/queue.ts";
import { startSender } from "./lib/sender.ts";
import { useDevice } from "./lib/use-device.ts";

const Pairing = lazyComponent(() => import("./pages/pairing/pairing.tsx").then((m) => m.Pairing));

export function App() {
  const { state, pair, unpair } = useDevice();
  const [lang, setLang] = useState<Lang>(browserLang);
  const [waiting, setWaiting] = useState<number>();
  useEffect(startSender, []);
  useEffect(() => {
    if (state.kind === "pairing" && state.unpaired) void depth().then(setWaiting);
  }, [state]);

  if (state.kind === "ready") return <Kiosk config={state.config} deviceId={state.device.deviceId} onUnpair={unpair} />;
  if (state.kind === "pairing") {
    return <Pairing lang={lang} onLang={setLang} waiting={state.unpaired ? (waiting ?? 0) : undefined} onPair={pair} />;
  }
  const t = messagesFor(lang);
  return (
    <main class={styles.splash} aria-busy="true">
      <p>{state.kind === "loading" ? t.loading : t.configOffline}</p>
    </main>
  );
}
