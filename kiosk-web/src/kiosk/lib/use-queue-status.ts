/** Queue depth, last sync time and connectivity, kept current from queue events in any tab. */
import { useEffect, useState } from "preact/hooks";
import { kvGet } from "./db.ts";
import { depth } from "./queue.ts";
import { subscribe } from "./queue-events.ts";

export interface QueueStatus {
  depth: number;
  lastSync?: string;
  online: boolean;
}

export function useQueueStatus(): QueueStatus {
  const [status, setStatus] = useState<QueueStatus>({ depth: 0, online: navigator.onLine });
  useEffect(() => {
    let alive = true;
    let queued = false;
    // Coalesce bursts (a batch of 100 results) into one read.
    const refresh = () => {
      if (queued) return;
      queued = true;
      setTimeout(async () => {
        queued = false;
        const [n, lastSync] = await Promise.all([depth(), kvGet("lastSync")]);
        if (alive) setStatus({ depth: n, lastSync, online: navigator.onLine });
      }, 100);
    };
    refresh();
    const stop = subscribe((e) => (e.type === "changed" || e.type === "synced") && refresh());
    addEventListener("online", refresh);
    addEventListener("offline", refresh);
    return () => {
      alive = false;
      stop();
      removeEventListener("online", refresh);
      removeEventListener("offline", refresh);
    };
  }, []);
  return status;
}

/** "14:05" today, "3 may 14:05" before; the locale follows the kiosk's language. */
export function formatSync(iso: string | undefined, lang: string, never: string): string {
  if (!iso) return never;
  const d = new Date(iso);
  const sameDay = d.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(lang, {
    hour: "2-digit",
    minute: "2-digit",
    ...(sameDay ? {} : { day: "numeric", month: "short" }),
  }).format(d);
}
