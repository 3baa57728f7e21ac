/**
 * The card as last read from the server, kept in this phone's storage with its link: offline, the page shows it
 * and still makes the rotating code (the secret is part of it). The installed app opens /card/, which goes to
 * the kept link.
 */
import type { CardView } from "@sonrisa/shared/schemas/loyalty";

const KEY = "sonrisa-card";

export interface KeptCard {
  token: string;
  card: CardView;
  /** the server's clock minus this phone's when the card was read (ms) */
  skewMs: number;
  readAt: string;
}

export function keptCard(): KeptCard | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as KeptCard) : undefined;
  } catch {
    return undefined;
  }
}

export function keepCard(kept: KeptCard): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // storage full or blocked: the card still shows while the page is open
  }
}

/** The token of a /card/{token} path, if any. */
export function tokenOfPath(path: string): string | undefined {
  return /^\/card\/([A-Za-z0-9_~-]{20,400})\/?$/.exec(path)?.[1];
}
