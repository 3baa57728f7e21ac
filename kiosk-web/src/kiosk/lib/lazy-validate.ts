/** Loads the validation chunk once; call early (e.g. on the step before) so it is ready when needed. */
type Validation = typeof import("./validate.ts");

let loading: Promise<Validation> | undefined;

export function loadValidation(): Promise<Validation> {
  loading ??= import("./validate.ts");
  return loading;
}
