/**
 * The shopper flow: attract → (reasons) → comment → (opt-in) → thank-you → attract.
 *
 * Exactly once: the tap writes a draft answer with a fresh id to IndexedDB before anything else, each step
 * updates that same draft, and leaving the flow (finish, skip to the end or idle timeout) freezes it for
 * the sender. The answer is therefore held locally until the flow ends but never only in memory: a crash
 * or reload mid-flow leaves a draft that the sender recovers once it is older than any flow can last.
 *
 * A surprise is decided and shown while its shopper is at the thank-you: a finished flow's answer is sent at
 * once saying so (`present`), and the thank-you stays until the verdict comes (or its batch fails). An
 * answer whose flow timed out, or that is synced later, is never sent that way, so it cannot win.
 */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { OptIn, ResponseItem, Surprise } from "@sonrisa/shared/schemas/responses";
import type { KioskConfig } from "@sonrisa/shared/schemas/store";
import { type Sentiment, sentimentOf } from "@sonrisa/shared/scoring";
import { useCallback, useRef, useState } from "preact/hooks";
import { newId, nowWithOffset } from "./ids.ts";
import { tappedTooSoon } from "./misuse.ts";
import { addDraft, finalize, updateDraft } from "./queue.ts";
import { kick, PRESENT_FRESH_MS, PRESENT_TIMEOUT_MS, waitForResult } from "./sender.ts";
import { type Step, stepsFor } from "./steps.ts";

export interface Flow {
  step: Step;
  id?: string;
  score?: number;
  sentiment?: Sentiment;
  reasons: string[];
  comment: string;
  surprise?: Surprise;
  /** The thank-you waits for the server's verdict on this answer (it stays on screen meanwhile). */
  waiting?: boolean;
}

/** How long the picked face shows its acknowledgement before the next step slides in. */
const ACK_MS = 350;
/** The longest the thank-you waits for the verdict: the sender's present batch starts and ends within it. */
const VERDICT_WAIT_MS = PRESENT_FRESH_MS + PRESENT_TIMEOUT_MS + 1_000;
/** How often input kept within a step is written to the draft. */
const TOUCH_EVERY_MS = 5_000;

const attract: Flow = { step: "attract", reasons: [], comment: "" };

export function useFlow(config: KioskConfig, lang: Lang) {
  const [flow, setFlow] = useState<Flow>(attract);
  const current = useRef(flow);
  current.current = flow;
  /** Writes of one flow run in order: the draft exists before it is updated or frozen. */
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const lastTapAt = useRef<number | undefined>(undefined);
  const lastTouch = useRef(0);

  const write = (op: () => Promise<unknown>) => {
    writes.current = writes.current.then(op).catch((err) => console.warn("[sonrisa] queue write failed", err));
  };

  const tap = useCallback(
    (score: number) => {
      if (current.current.step !== "attract" || current.current.id) return;
      const id = newId();
      const misuse = tappedTooSoon(lastTapAt.current, Date.now(), config.misuseIntervalSec);
      lastTapAt.current = Date.now();
      const item: ResponseItem = { id, at: nowWithOffset(), score, lang, ...(misuse ? { misuse: true } : {}) };
      write(() => addDraft(config.storeId, item));
      setFlow({ ...attract, id, score, sentiment: sentimentOf(score) });
      setTimeout(() => {
        if (current.current.id === id) setFlow({ ...current.current, step: stepsFor(config, score)[0] ?? "thanks" });
      }, ACK_MS);
    },
    [config, lang],
  );

  /**
   * Leaves the flow: freezes the answer with what was given, then thanks, waiting for the verdict with the
   * shopper at the screen (or returns to attract: the shopper has gone, the answer cannot win).
   */
  const end = useCallback((patch: Partial<ResponseItem>, to: "thanks" | "attract") => {
    const { id } = current.current;
    if (!id) return;
    const thanks = to === "thanks";
    const verdict = thanks ? waitForResult(id, VERDICT_WAIT_MS) : undefined;
    write(async () => {
      await finalize(id, patch);
      kick(id, thanks);
    });
    setFlow(thanks ? { ...current.current, step: "thanks", waiting: true } : attract);
    void verdict?.then((result) => {
      if (current.current.id !== id) return;
      setFlow({ ...current.current, waiting: false, ...(result?.surprise ? { surprise: result.surprise } : {}) });
    });
  }, []);

  const answerSoFar = (): Partial<ResponseItem> => ({
    lang,
    reasons: current.current.reasons,
    comment: current.current.comment,
  });

  /** Records this step's input and moves on; after the last step, thanks. */
  const next = useCallback(
    (input: { reasons?: string[]; comment?: string; optIn?: OptIn }) => {
      const f = { ...current.current, ...input };
      current.current = f;
      const steps = stepsFor(config, f.score ?? 5);
      const following = steps[steps.indexOf(f.step) + 1];
      if (!following || input.optIn)
        return end({ ...answerSoFar(), ...(input.optIn ? { optIn: input.optIn } : {}) }, "thanks");
      const { id } = f;
      if (id) write(() => updateDraft(id, answerSoFar()));
      setFlow({ ...f, step: following });
    },
    [config, lang, end],
  );

  /**
   * Keeps typing or chip picks without leaving the step, so a timeout still sends them. The draft is
   * refreshed every few seconds too: that saves the input from a crash, and tells the sender's crash
   * recovery that this flow is still alive however long the shopper types.
   */
  const keep = useCallback(
    (input: { reasons?: string[]; comment?: string }) => {
      current.current = { ...current.current, ...input };
      setFlow(current.current);
      const { id } = current.current;
      if (id && Date.now() - lastTouch.current > TOUCH_EVERY_MS) {
        lastTouch.current = Date.now();
        write(() => updateDraft(id, answerSoFar()));
      }
    },
    [lang],
  );

  const finishNow = useCallback(() => end(answerSoFar(), "thanks"), [end, lang]);
  const timeout = useCallback(() => end(answerSoFar(), "attract"), [end, lang]);
  const dismiss = useCallback(() => setFlow(attract), []);

  return { flow, tap, next, keep, finishNow, timeout, dismiss };
}
