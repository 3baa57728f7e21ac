/** The dashboard's language, its messages and formatters, handed down through context. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { type Messages, messagesFor } from "../messages.ts";
import { type Format, formatFor } from "./format.ts";

export interface I18n {
  lang: Lang;
  t: Messages;
  f: Format;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({
  lang: "es",
  t: messagesFor("es"),
  f: formatFor("es"),
  setLang: () => undefined,
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}
