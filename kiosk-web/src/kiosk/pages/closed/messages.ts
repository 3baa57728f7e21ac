/**
 * The closed screen's words, in Spanish and English. Kept with the screen, which loads on demand, rather
 * than in lib/messages.ts, which every kiosk start downloads.
 */
import type { Lang } from "@sonrisa/shared/schemas/common";

const es = {
  title: "Cerrado",
  thanks: "¡Gracias!",
  notYet: (from: string, to: string) => `Abrimos del ${from} al ${to}.`,
  over: "El evento ha terminado. Gracias por visitarnos.",
  archived: "Este quiosco ya no recoge opiniones.",
};

const en: typeof es = {
  title: "Closed",
  thanks: "Thank you!",
  notYet: (from, to) => `We are open from ${from} to ${to}.`,
  over: "The event is over. Thank you for visiting.",
  archived: "This kiosk no longer takes feedback.",
};

export function closedMessages(lang: Lang) {
  return lang === "en" ? en : es;
}
