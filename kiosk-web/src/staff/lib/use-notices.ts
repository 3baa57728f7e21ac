/**
 * The console's notices, one per panel (hand-over, spontaneous gift, stock). A success clears the errors of
 * every panel: an old error left beside a later success reads as if that success had failed too.
 */
import { useCallback, useState } from "preact/hooks";
import type { NoticeValue } from "../components/notice/notice.tsx";

export type NoticePanel = "hand-over" | "spontaneous" | "stock" | "members";
export type Notices = Partial<Record<NoticePanel, NoticeValue>>;

/** The notices once `panel` shows `notice` (or nothing). */
export function withNotice(notices: Notices, panel: NoticePanel, notice: NoticeValue | undefined): Notices {
  const next: Notices = { ...notices, [panel]: notice };
  if (notice?.tone !== "success") return next;
  for (const [key, value] of Object.entries(next)) if (value?.tone === "error") delete next[key as NoticePanel];
  return next;
}

export function useNotices() {
  const [notices, setNotices] = useState<Notices>({});
  const show = useCallback(
    (panel: NoticePanel, notice?: NoticeValue) => setNotices((all) => withNotice(all, panel, notice)),
    [],
  );
  return { notices, show };
}

/** What a panel needs of the board: its own notice and a way to set it. */
export interface PanelNotice {
  notice: NoticeValue | undefined;
  onNotice: (notice?: NoticeValue) => void;
}
