export * from "./routes.ts";
export * from "./schemas/index.ts";
export * from "./scoring.ts";
export * from "./table.ts";
export * from "./text.ts";
export * from "./time.ts";
