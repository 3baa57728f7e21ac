/** Instants as the viewer's own clock shows them (keys and deliveries belong to no one store). */
import { useI18n } from "../../lib/i18n.ts";

const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function useLocalTime(): (iso: string) => string {
  const { f } = useI18n();
  return (iso) => f.dateTime(iso, viewerZone);
}
