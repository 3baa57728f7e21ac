/** The kiosk's version, set by the build (vite.config.ts `define`), reported with every sync and heartbeat. */
declare const __SONRISA_APP_VERSION__: string | undefined;

export const APP_VERSION = typeof __SONRISA_APP_VERSION__ === "string" ? __SONRISA_APP_VERSION__ : "dev";
