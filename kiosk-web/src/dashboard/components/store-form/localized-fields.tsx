/** One text of a store in each of its languages (question, prompt, consent), each with its own error. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { StoreText } from "@sonrisa/shared/schemas/store";
import { useI18n } from "../../lib/i18n.ts";
import { controlProps, Field } from "../field/field.tsx";

interface Props {
  /** The text's path in the settings, e.g. `question`; each language's field is `<path>.<lang>`. */
  path: string;
  label: string;
  langs: readonly Lang[];
  value: StoreText;
  errorAt: (key: string) => string | undefined;
  onChange: (value: StoreText) => void;
  multiline?: boolean;
  maxLength: number;
}

export function LocalizedFields({ path, label, langs, value, errorAt, onChange, multiline, maxLength }: Props) {
  const { t } = useI18n();
  return (
    <>
      {langs.map((lang) => {
        const id = `${path}.${lang}`;
        const error = errorAt(id);
        const props = {
          ...controlProps(id, error),
          lang,
          value: value[lang] ?? "",
          maxLength,
          onInput: (e: Event) => onChange({ ...value, [lang]: (e.currentTarget as HTMLInputElement).value }),
        };
        return (
          <Field key={lang} id={id} label={t.storeForm.inLang(label, t.storeForm.langNames[lang])} error={error} wide>
            {multiline ? <textarea {...props} rows={4} /> : <input type="text" {...props} />}
          </Field>
        );
      })}
    </>
  );
}
