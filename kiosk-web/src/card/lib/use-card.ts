/** Reads the card from the server, falling back to the kept copy offline; refreshes when the page comes back. */
import type { CardView } from "@sonrisa/shared/schemas/loyalty";
import { useEffect, useState } from "preact/hooks";
import { ApiError, apiJson } from "../../common/http.ts";
import { type KeptCard, keepCard, keptCard } from "./card-store.ts";

export type CardState =
  | { kind: "loading" }
  | { kind: "ready"; kept: KeptCard; offline: boolean }
  | { kind: "gone" }
  | { kind: "offline" };

export function useCard(token: string | undefined): CardState {
  const [state, setState] = useState<CardState>(() => {
    const kept = keptCard();
    return kept && (!token || kept.token === token) ? { kind: "ready", kept, offline: true } : { kind: "loading" };
  });
  useEffect(() => {
    const wanted = token ?? keptCard()?.token;
    if (!wanted) return setState({ kind: "gone" });
    let stop = false;
    const load = async () => {
      try {
        const card = await apiJson<CardView>("GET", `/v1/cards/${wanted}`, { timeoutMs: 10_000 });
        const kept = {
          token: wanted,
          card,
          skewMs: Date.parse(card.serverTime) - Date.now(),
          readAt: new Date().toISOString(),
        };
        keepCard(kept);
        if (!stop) setState({ kind: "ready", kept, offline: false });
      } catch (error) {
        if (stop) return;
        if (error instanceof ApiError && error.status === 404) return setState({ kind: "gone" });
        const kept = keptCard();
        setState(kept && kept.token === wanted ? { kind: "ready", kept, offline: true } : { kind: "offline" });
      }
    };
    void load();
    const again = () => document.visibilityState === "visible" && void load();
    document.addEventListener("visibilitychange", again);
    addEventListener("online", again);
    return () => {
      stop = true;
      document.removeEventListener("visibilitychange", again);
      removeEventListener("online", again);
    };
  }, [token]);
  return state;
}
