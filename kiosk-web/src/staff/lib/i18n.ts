/** The console's language, its messages and the switch, handed down through context. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { type Messages, messagesFor } from "../messages.ts";

export interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({ lang: "es", t: messagesFor("es"), setLang: () => undefined });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
