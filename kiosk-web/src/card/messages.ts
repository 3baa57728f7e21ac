/** The card page's words, Spanish and English. */
import type { Lang } from "@sonrisa/shared/schemas/common";

const es = {
  title: "Tarjeta de socio",
  langSwitch: "Idioma",
  stampsOf: (n: number, of: number) => `${n} de ${of}`,
  stampsWord: "sellos",
  toGo: (n: number, gift: string) =>
    n === 1 ? `Te falta 1 sello para: ${gift}` : `Te faltan ${n} sellos para: ${gift}`,
  ready: "Premios listos",
  readyHint: "Pídelo en caja y enseña tu código.",
  stampsCost: (n: number) => `${n} sellos`,
  codeTitle: "Código para canjear",
  codeHint: "Cambia cada minuto: díctalo o enséñalo en caja.",
  nextIn: (s: number) => `Nuevo código en ${s} s`,
  qrLabel: (code: string) => `Código QR de tu tarjeta, socio ${code}`,
  qrHint: "Acerca este código a la cámara del quiosco o de caja.",
  memberNo: "Nº de socio",
  history: "Historial",
  noHistory: "Aún no hay movimientos.",
  reasons: { visit: "Visita", join: "Bienvenida", staff: "Compra", purchase: "Compra" } as Record<string, string>,
  rewardStatus: { issued: "Premio reservado", redeemed: "Premio canjeado", cancelled: "Premio anulado" } as Record<
    string,
    string
  >,
  expired: "caducado",
  expiring: (n: number, date: string) => (n === 1 ? `1 sello caduca el ${date}` : `${n} sellos caducan el ${date}`),
  offline: "Sin conexión: ves tu tarjeta tal como estaba la última vez.",
  loading: "Cargando tu tarjeta…",
  gone: "Esta tarjeta ya no existe. Si te diste de baja, puedes volver a unirte en la tienda.",
  firstOffline: "Abre este enlace con conexión una vez; después funcionará también sin ella.",
};

export type Messages = typeof es;

const en: Messages = {
  title: "Member card",
  langSwitch: "Language",
  stampsOf: (n, of) => `${n} of ${of}`,
  stampsWord: "stamps",
  toGo: (n, gift) => (n === 1 ? `1 more stamp for: ${gift}` : `${n} more stamps for: ${gift}`),
  ready: "Rewards ready",
  readyHint: "Ask at the counter and show your code.",
  stampsCost: (n) => `${n} stamps`,
  codeTitle: "Code to redeem",
  codeHint: "It changes every minute: read it out or show it at the counter.",
  nextIn: (s) => `New code in ${s} s`,
  qrLabel: (code) => `Your card's QR code, member ${code}`,
  qrHint: "Hold this code up to the kiosk's or the counter's camera.",
  memberNo: "Member no.",
  history: "History",
  noHistory: "Nothing yet.",
  reasons: { visit: "Visit", join: "Welcome", staff: "Purchase", purchase: "Purchase" },
  rewardStatus: { issued: "Reward held", redeemed: "Reward redeemed", cancelled: "Reward cancelled" },
  expired: "expired",
  expiring: (n, date) => (n === 1 ? `1 stamp expires on ${date}` : `${n} stamps expire on ${date}`),
  offline: "Offline: this is your card as it was last time.",
  loading: "Loading your card…",
  gone: "This card no longer exists. If you left the club, you can join again in store.",
  firstOffline: "Open this link once while online; after that it works offline too.",
};

export function messagesFor(lang: Lang): Messages {
  return lang === "en" ? en : es;
}
