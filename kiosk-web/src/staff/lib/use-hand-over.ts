/**
 * The hand-over of a surprise: a code (typed or picked) is checked, confirmed in a dialog, then registered;
 * the outcome becomes a notice. The server has the last word: a stale list never hands a gift over twice.
 */
import { GiftCode } from "@sonrisa/shared/schemas/surprises";
import { useState } from "preact/hooks";
import type { NoticeValue } from "../components/notice/notice.tsx";
import type { Messages } from "../messages.ts";
import { ApiError, type StaffGift, type StoreApi } from "./api.ts";
import type { PanelNotice } from "./use-notices.ts";

export interface HandOver {
  /** The code field; a picked code lands here too, and it is cleared once the gift is handed over. */
  input: string;
  setInput: (code: string) => void;
  /** The code waiting for confirmation and its gift when the pending list knows it. */
  confirming?: { code: string; gift?: StaffGift };
  busy: boolean;
  notice?: NoticeValue;
  /** Opens the confirmation for a code, or says why the code is malformed. */
  ask: (code: string) => void;
  confirm: () => Promise<void>;
  cancel: () => void;
}

interface Options {
  api: StoreApi;
  pending: StaffGift[] | undefined;
  staffName: string | undefined;
  t: Messages;
  lang: "es" | "en";
  /** The hand-over's notice, kept on the console's board. */
  board: PanelNotice;
  onDone: () => void;
}

export function useHandOver({ api, pending, staffName, t, lang, board, onDone }: Options): HandOver {
  const [input, setInput] = useState("");
  const [confirming, setConfirming] = useState<HandOver["confirming"]>();
  const [busy, setBusy] = useState(false);
  const { notice, onNotice: setNotice } = board;

  function ask(code: string) {
    setInput(code);
    const parsed = GiftCode.safeParse(code.replace(/[\s-]/g, ""));
    if (!parsed.success) return setNotice({ tone: "error", text: t.giftErrors.format });
    setNotice(undefined);
    setConfirming({ code: parsed.data, gift: pending?.find((g) => g.code === parsed.data) });
  }

  async function confirm() {
    if (!confirming) return;
    setBusy(true);
    try {
      const gift = await api.handOver({ kind: "surprise", code: confirming.code, ...(staffName ? { staffName } : {}) });
      setNotice({ tone: "success", text: t.handOver.done(gift.gift[lang], gift.code) });
      setInput("");
    } catch (err) {
      setNotice({ tone: "error", text: errorText(err, t) });
    } finally {
      setBusy(false);
      setConfirming(undefined);
      onDone();
    }
  }

  const type = (code: string) => {
    setInput(code);
    setNotice(undefined);
  };

  return { input, setInput: type, confirming, busy, notice, ask, confirm, cancel: () => setConfirming(undefined) };
}

/** The words for a failed gift registration, from the API's error code. */
export function errorText(err: unknown, t: Messages): string {
  if (!(err instanceof ApiError)) return t.giftErrors.other;
  if (err.status === 0) return t.giftErrors.offline;
  if (err.status === 404) return t.giftErrors.not_found;
  if (err.code === "already_handed" || err.code === "expired" || err.code === "out_of_stock") {
    return t.giftErrors[err.code];
  }
  return t.giftErrors.other;
}
