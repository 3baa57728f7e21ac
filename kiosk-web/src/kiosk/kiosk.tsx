/** A paired kiosk: the shopper flow for the store's config, the status corner and the staff panel. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { KioskConfig } from "@sonrisa/shared/schemas/store";
import { textIn } from "@sonrisa/shared/store-text";
import { useEffect, useState } from "preact/hooks";
import { LangSwitch } from "../common/lang-switch/lang-switch.tsx";
import { useNow } from "../common/use-now.ts";
import { Button } from "./components/button/button.tsx";
import { Screen } from "./components/screen/screen.tsx";
import { StatusCorner } from "./components/status-corner/status-corner.tsx";
import { closedReason } from "./lib/closed.ts";
import { lazyComponent } from "./lib/lazy-component.ts";
import { messagesFor } from "./lib/messages.ts";
import { setShopperIdle } from "./lib/service-worker.ts";
import { stepsFor } from "./lib/steps.ts";
import { useFlow } from "./lib/use-flow.ts";
import { useIdle } from "./lib/use-idle.ts";
import { formatSync, useQueueStatus } from "./lib/use-queue-status.ts";
import { Attract } from "./pages/attract/attract.tsx";
import { Comment } from "./pages/comment/comment.tsx";
import { Reasons } from "./pages/reasons/reasons.tsx";
import { Thanks } from "./pages/thanks/thanks.tsx";

const loadMember = () => import("./pages/member/member.tsx");
const loadOptIn = () => import("./pages/opt-in/opt-in.tsx");
const OptIn = lazyComponent(() => loadOptIn().then((m) => m.OptIn));
const Member = lazyComponent(() => loadMember().then((m) => m.Member));
const StaffPanel = lazyComponent(() => import("./components/staff-panel/staff-panel.tsx").then((m) => m.StaffPanel));
const Closed = lazyComponent(() => import("./pages/pairing/pairing.tsx").then((m) => m.Closed));

const THANKS_MS = 5_000;
/** Long enough to read the stamps ("4 of 5") once the server has answered. */
const MEMBER_THANKS_MS = 8_000;
/** A won gift stays on screen longer than plain thanks: the shopper has to show it to staff. */
const SURPRISE_MIN_MS = 15_000;

interface Props {
  config: KioskConfig;
  deviceId: string;
  onUnpair: () => void;
}

export function Kiosk({ config, deviceId, onUnpair }: Props) {
  const [lang, setLang] = useState<Lang>(config.defaultLang);
  const [staffOpen, setStaffOpen] = useState(false);
  const { flow, tap, next, keep, finishNow, timeout, dismiss } = useFlow(config, lang);
  const status = useQueueStatus();
  const t = messagesFor(lang);
  const syncText = formatSync(status.lastSync, lang, t.never);

  // Each new shopper starts in the store's default language.
  useEffect(() => {
    const idle = flow.step === "attract" && !flow.id;
    if (idle) setLang(config.defaultLang);
    setShopperIdle(idle);
  }, [flow.step, flow.id, config.defaultLang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // The member and opt-in steps' chunks (not part of the start download) are fetched as soon as a shopper
  // taps, while they are on the first steps, so those steps show at once.
  useEffect(() => {
    if (flow.id && config.loyalty) void loadMember();
    if (flow.id && config.optIn.enabled) void loadOptIn();
  }, [flow.id, config.loyalty, config.optIn.enabled]);

  const inSteps = flow.step !== "attract" && flow.step !== "thanks";
  useIdle(inSteps && !staffOpen ? config.idleTimeoutSec * 1000 : undefined, timeout, flow.step);
  const thanksMs = flow.surprise
    ? Math.max(SURPRISE_MIN_MS, config.idleTimeoutSec * 1000)
    : flow.member
      ? MEMBER_THANKS_MS
      : THANKS_MS;
  // While the verdict is on its way the thank-you stays: a surprise is only won with its shopper there to see it.
  const thanksUntil = flow.step === "thanks" && !flow.waiting ? thanksMs : undefined;
  useIdle(thanksUntil, dismiss, `${flow.id}${Boolean(flow.surprise)}`);

  const steps = flow.score ? stepsFor(config, flow.score) : [];
  const index = steps.indexOf(flow.step);
  const score = flow.score ?? 5;
  const question = textIn(config.question, lang, config.defaultLang);
  // An event's kiosk opens and closes with its dates, checked each minute (offline too).
  const closed = closedReason(config, useNow(60_000));
  const top = (
    <>
      {inSteps && (
        <Button kind="quiet" onClick={finishNow}>
          {t.finish}
        </Button>
      )}
      <LangSwitch langs={config.languages} lang={lang} label={t.langSwitch} onChange={setLang} />
    </>
  );

  return (
    <>
      {closed ? (
        <Screen store={config.name} top={top} label={config.name}>
          <Closed reason={closed} event={config.event} lang={lang} />
        </Screen>
      ) : (
        <Screen store={config.name} top={top} scroll={flow.step !== "attract"} label={question}>
          {flow.step === "attract" && (
            <Attract question={question} scale={config.scale} picked={flow.score} t={t} onPick={tap} />
          )}
          {flow.step === "reasons" && flow.sentiment && (
            <Reasons
              score={score}
              sentiment={flow.sentiment}
              reasons={config.reasons[flow.sentiment]}
              picked={flow.reasons}
              lang={lang}
              t={t}
              index={index}
              count={steps.length}
              onChange={(reasons) => keep({ reasons })}
              onNext={() => next({})}
            />
          )}
          {flow.step === "comment" && (
            <Comment
              score={score}
              value={flow.comment}
              t={t}
              index={index}
              count={steps.length}
              onChange={(comment) => keep({ comment })}
              onNext={() => next({})}
            />
          )}
          {flow.step === "member" && (
            <Member
              score={score}
              lang={lang}
              t={t}
              index={index}
              count={steps.length}
              onDone={(member) => next(member ? { member } : {})}
            />
          )}
          {flow.step === "optin" && (
            <OptIn
              config={config}
              score={score}
              lang={lang}
              t={t}
              index={index}
              count={steps.length}
              onDone={(optIn) => next(optIn ? { optIn } : {})}
            />
          )}
          {flow.step === "thanks" && (
            <Thanks
              surprise={flow.surprise}
              member={flow.member}
              waiting={Boolean(flow.waiting)}
              lang={lang}
              t={t}
              onDone={dismiss}
            />
          )}
        </Screen>
      )}
      <StatusCorner status={status} syncText={syncText} t={t} onOpen={() => setStaffOpen(true)} />
      {staffOpen && (
        <StaffPanel
          storeId={config.storeId}
          storeName={config.name}
          deviceId={deviceId}
          status={status}
          syncText={syncText}
          t={t}
          onClose={() => setStaffOpen(false)}
          onUnpair={() => {
            setStaffOpen(false);
            onUnpair();
          }}
        />
      )}
    </>
  );
}
