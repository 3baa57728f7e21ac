// Construct ids derived from handler names, so logical ids stay stable and readable.

/** `get-store-results` → `GetStoreResults`. */
export function pascalCase(name: string): string {
  return name
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}
