/** New identifiers (device ids, contact ids…), injected so tests can make them predictable. */
export interface Ids {
  uuid(): string;
}
