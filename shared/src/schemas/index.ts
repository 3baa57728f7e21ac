export * from "./auth.ts";
export * from "./common.ts";
export * from "./devices.ts";
export * from "./responses.ts";
export * from "./results.ts";
export * from "./store.ts";
export * from "./surprises.ts";
