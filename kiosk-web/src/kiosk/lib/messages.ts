/** The kiosk's message catalog: every word on screen and every accessible name, in Spanish and English. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import { pluralOf } from "../../common/plural.ts";

const esCount = pluralOf("es");
const enCount = pluralOf("en");

const es = {
  langSwitch: "Idioma",
  faces: {
    1: "Muy insatisfecho",
    2: "Insatisfecho",
    3: "Ni satisfecho ni insatisfecho",
    4: "Satisfecho",
    5: "Muy satisfecho",
  },
  facesGroup: "Elige una cara",
  tapAFace: "Toca una cara para responder",
  reasonsTitle: { positive: "¿Qué te ha gustado?", neutral: "¿Qué destacarías?", negative: "¿Qué podemos mejorar?" },
  reasonsHint: "Elige hasta 5",
  continue: "Continuar",
  skip: "Omitir",
  finish: "Terminar",
  progress: (step: number, of: number) => `Paso ${step} de ${of}`,
  commentTitle: "¿Quieres contarnos algo más?",
  commentLabel: "Tu comentario",
  commentPlaceholder: "Escribe aquí (opcional)",
  counter: (n: number, max: number) => `${n} de ${max} caracteres`,
  optInEmail: "Correo",
  optInPhone: "Teléfono",
  optInSocial: "Redes",
  optInMethod: "¿Cómo te contactamos?",
  emailLabel: "Correo electrónico",
  phoneLabel: "Número de teléfono",
  networkLabel: "Red social",
  handleLabel: "Usuario",
  consentLabel: "Acepto",
  clubLabel: "Me uno al club",
  join: "Unirme",
  noThanks: "No, gracias",
  errors: {
    email: "Revisa el correo: por ejemplo nombre@ejemplo.com",
    phone: "Revisa el teléfono: de 8 a 15 cifras, con prefijo si es extranjero",
    handle: "Revisa el usuario: letras, cifras, puntos y guiones bajos",
    empty: "Escribe cómo contactarte",
    consent: "Marca la casilla de consentimiento para continuar",
  },
  thanksTitle: "¡Gracias!",
  thanksText: "Tu opinión nos ayuda a mejorar.",
  thanksDismiss: "Volver al inicio",
  surpriseTitle: "¡Sorpresa! Te has ganado un regalo",
  surpriseCode: "Código",
  surpriseShow: "Enseña esta pantalla a nuestro equipo para recogerlo.",
  pairTitle: "Vincular este quiosco",
  pairIntro: "Introduce el código de 8 caracteres creado en el panel de administración, en Quioscos.",
  pairLabel: "Código de vinculación",
  pairButton: "Vincular",
  pairing: "Vinculando…",
  pairErrors: {
    format: "El código tiene 8 letras y cifras, por ejemplo ABCD2345.",
    rejected: "Ese código no es válido, ya se usó o ha caducado. Pide uno nuevo.",
    offline: "Sin conexión. Comprueba la red y vuelve a intentarlo.",
    other: "No se pudo vincular. Vuelve a intentarlo.",
  },
  unpairedNotice: (n: number) =>
    n === 0
      ? "Este quiosco ya no está vinculado."
      : `Este quiosco ya no está vinculado. ${n} ${esCount(n, "respuesta pendiente se enviará", "respuestas pendientes se enviarán")} al vincularlo de nuevo.`,
  loading: "Cargando…",
  configOffline: "Sin conexión. Reintentando…",
  staffSettings: "Ajustes del personal",
  queueShort: "En cola",
  never: "nunca",
  pinTitle: "Acceso del personal",
  pinLabel: "PIN del personal",
  pinEnter: "Entrar",
  cancel: "Cancelar",
  pinErrors: {
    wrong: "PIN incorrecto.",
    locked: "Demasiados intentos. Espera 15 minutos.",
    offline: "Sin conexión y sin PIN guardado: no se puede comprobar.",
    format: "El PIN tiene de 4 a 8 cifras.",
  },
  settingsTitle: "Ajustes del quiosco",
  store: "Tienda",
  device: "Dispositivo",
  queue: "Respuestas en cola",
  lastSync: "Última sincronización",
  online: "Conexión",
  onlineYes: "En línea",
  onlineNo: "Sin conexión",
  syncNow: "Sincronizar ahora",
  fullscreenOn: "Pantalla completa",
  fullscreenOff: "Salir de pantalla completa",
  exitKiosk: "Salir del quiosco",
  unpair: "Desvincular",
  unpairConfirm: (n: number) =>
    n > 0
      ? `Hay ${n} ${esCount(n, "respuesta sin enviar. ¿Desvincular igualmente? Se enviará", "respuestas sin enviar. ¿Desvincular igualmente? Se enviarán")} al volver a vincular.`
      : "¿Desvincular este quiosco?",
  close: "Cerrar",
};

export type Messages = typeof es;

const en: Messages = {
  langSwitch: "Language",
  faces: {
    1: "Very dissatisfied",
    2: "Dissatisfied",
    3: "Neither satisfied nor dissatisfied",
    4: "Satisfied",
    5: "Very satisfied",
  },
  facesGroup: "Choose a face",
  tapAFace: "Tap a face to answer",
  reasonsTitle: { positive: "What did you like?", neutral: "What stood out?", negative: "What could we do better?" },
  reasonsHint: "Pick up to 5",
  continue: "Continue",
  skip: "Skip",
  finish: "Finish",
  progress: (step, of) => `Step ${step} of ${of}`,
  commentTitle: "Anything else you'd like to tell us?",
  commentLabel: "Your comment",
  commentPlaceholder: "Type here (optional)",
  counter: (n, max) => `${n} of ${max} characters`,
  optInEmail: "Email",
  optInPhone: "Phone",
  optInSocial: "Social",
  optInMethod: "How should we reach you?",
  emailLabel: "Email address",
  phoneLabel: "Phone number",
  networkLabel: "Social network",
  handleLabel: "Username",
  consentLabel: "I agree",
  clubLabel: "Join the club",
  join: "Join",
  noThanks: "No, thanks",
  errors: {
    email: "Check the email: for example name@example.com",
    phone: "Check the phone: 8 to 15 digits, with the country code if abroad",
    handle: "Check the username: letters, digits, dots and underscores",
    empty: "Type how we can reach you",
    consent: "Tick the consent box to continue",
  },
  thanksTitle: "Thank you!",
  thanksText: "Your feedback helps us get better.",
  thanksDismiss: "Back to start",
  surpriseTitle: "Surprise! You've won a gift",
  surpriseCode: "Code",
  surpriseShow: "Show this screen to our staff to collect it.",
  pairTitle: "Pair this kiosk",
  pairIntro: "Enter the 8-character code created in the admin dashboard, under Kiosks.",
  pairLabel: "Pairing code",
  pairButton: "Pair",
  pairing: "Pairing…",
  pairErrors: {
    format: "The code is 8 letters and digits, for example ABCD2345.",
    rejected: "That code is not valid, was already used or has expired. Ask for a new one.",
    offline: "No connection. Check the network and try again.",
    other: "Pairing failed. Please try again.",
  },
  unpairedNotice: (n) =>
    n === 0
      ? "This kiosk is no longer paired."
      : `This kiosk is no longer paired. ${n} ${enCount(n, "waiting answer", "waiting answers")} will be sent once it is paired again.`,
  loading: "Loading…",
  configOffline: "No connection. Retrying…",
  staffSettings: "Staff settings",
  queueShort: "Queued",
  never: "never",
  pinTitle: "Staff access",
  pinLabel: "Staff PIN",
  pinEnter: "Enter",
  cancel: "Cancel",
  pinErrors: {
    wrong: "Wrong PIN.",
    locked: "Too many attempts. Wait 15 minutes.",
    offline: "Offline and no saved PIN: it cannot be checked.",
    format: "The PIN is 4 to 8 digits.",
  },
  settingsTitle: "Kiosk settings",
  store: "Store",
  device: "Device",
  queue: "Answers queued",
  lastSync: "Last sync",
  online: "Connection",
  onlineYes: "Online",
  onlineNo: "Offline",
  syncNow: "Sync now",
  fullscreenOn: "Full screen",
  fullscreenOff: "Leave full screen",
  exitKiosk: "Exit kiosk",
  unpair: "Unpair",
  unpairConfirm: (n) =>
    n > 0
      ? `${n} ${enCount(n, "answer is not sent yet. Unpair anyway? It", "answers are not sent yet. Unpair anyway? They")} will be sent after pairing again.`
      : "Unpair this kiosk?",
  close: "Close",
};

const catalog: Record<Lang, Messages> = { es, en };

/** Messages for a language; unknown languages fall back to Spanish, the product's first language. */
export function messagesFor(lang: Lang): Messages {
  return catalog[lang] ?? es;
}

/** The language a browser prefers among those a store offers, for screens shown before the config arrives. */
export function browserLang(): Lang {
  return navigator.language.toLowerCase().startsWith("en") ? "en" : "es";
}
