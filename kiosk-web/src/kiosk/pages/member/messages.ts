/** The member step's words and the member lines of the thank-you, with the step (loaded on demand). */
import type { Lang } from "@sonrisa/shared/schemas/common";

const es = {
  title: "¿Eres socio del club?",
  hint: "Teclea tu móvil o enseña el QR de tu tarjeta y suma un sello.",
  phone: "Tu número de móvil",
  phonePlaceholder: "Tu móvil",
  keypad: "Teclado numérico",
  delete: "Borrar",
  or: "o",
  scan: "Escanear mi tarjeta",
  scanning: "Acerca el QR de tu tarjeta a la cámara",
  scanStop: "Cerrar cámara",
  noCamera: "No hay cámara disponible: teclea tu móvil.",
  notQr: "Ese código no es una tarjeta del club.",
  notMember: "No soy socio",
  done: "Sumar sello",
  short: "Faltan cifras: de 8 a 15",
  stamped: "¡Sello sumado!",
  already: "Hoy ya sumaste tu sello aquí.",
  count: (n: number, of: number) => `${n} de ${of} sellos`,
  waiting: "Comprobando tu tarjeta…",
  later: "Sumaremos tu sello en cuanto el quiosco tenga conexión.",
  unknown: "No encontramos ese número o tarjeta.",
  join: "¿Te unes? Pide al equipo o únete la próxima vez en este quiosco.",
};

export type MemberMessages = typeof es;

const en: MemberMessages = {
  title: "Are you a club member?",
  hint: "Type your mobile number or show your card's QR code to collect a stamp.",
  phone: "Your mobile number",
  phonePlaceholder: "Your mobile",
  keypad: "Number pad",
  delete: "Delete",
  or: "or",
  scan: "Scan my card",
  scanning: "Hold your card's QR code up to the camera",
  scanStop: "Close camera",
  noCamera: "No camera available: type your mobile number.",
  notQr: "That code is not a club card.",
  notMember: "I'm not a member",
  done: "Add my stamp",
  short: "Too few digits: 8 to 15",
  stamped: "Stamp added!",
  already: "You already got today's stamp here.",
  count: (n, of) => `${n} of ${of} stamps`,
  waiting: "Checking your card…",
  later: "We'll add your stamp as soon as the kiosk is back online.",
  unknown: "We couldn't find that number or card.",
  join: "Want to join? Ask our team, or join next time on this kiosk.",
};

export function memberMessages(lang: Lang): MemberMessages {
  return lang === "en" ? en : es;
}
