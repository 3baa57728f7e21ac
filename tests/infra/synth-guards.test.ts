// Synth stops early, with a message that says what to do, when a handler file or the PWA build is missing.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { afterAll, describe, expect, it } from "vitest";
import { mailAddress } from "../../infra/src/constructs/scheduled-jobs.ts";
import { defaultHandlerEntry, ensureWebDist, repoRoot, resolveWebDist } from "../../infra/src/paths.ts";
import { buildSonrisaApp } from "../../infra/src/sonrisa-app.ts";
import { cdkJsonContext, makeWebDist, removeTempDirs } from "./sonrisa-fixture.ts";

afterAll(removeTempDirs);

describe("synth guards", () => {
  it("name every missing handler file with the route that needs it", () => {
    const app = new App({ context: cdkJsonContext() });
    const build = () =>
      buildSonrisaApp(app, {
        mailFrom: "no-reply@example.com",
        webDist: makeWebDist(),
        handlerEntry: (name) =>
          name === "get-health" ? join(repoRoot, "nowhere", `${name}.ts`) : defaultHandlerEntry(name),
      });
    expect(build).toThrow(/nowhere\/get-health\.ts \(route GET \/v1\/health\)/);
  });

  it("ask for `npm run build` when the PWA was not built", () => {
    expect(() => resolveWebDist(join(repoRoot, "nowhere", "dist"))).toThrow(/npm run build/);
  });

  it("accept a built PWA folder", () => {
    const dist = makeWebDist();
    expect(resolveWebDist(dist)).toBe(dist);
  });

  it("build the PWA first when the default folder has no build (a fresh clone), and only then", () => {
    const dist = join(mkdtempSync(join(tmpdir(), "sonrisa-dist-")), "dist");
    let builds = 0;
    const build = () => {
      builds++;
      mkdirSync(dist, { recursive: true });
      writeFileSync(join(dist, "index.html"), "<!doctype html>");
    };
    expect(ensureWebDist(undefined, { dist, build })).toBe(dist);
    expect(ensureWebDist(undefined, { dist, build })).toBe(dist);
    expect(builds).toBe(1);
  });

  it("never build for a folder given with -c webDist: it must hold a build", () => {
    const build = () => {
      throw new Error("must not build");
    };
    expect(() => ensureWebDist(join(repoRoot, "nowhere", "dist"), { build })).toThrow(/npm run build/);
  });
});

describe("the mail sender", () => {
  it("is read from a bare address or a display-name address", () => {
    expect(mailAddress("no-reply@example.com")).toBe("no-reply@example.com");
    expect(mailAddress("Sonrisa <hola@sonrisa.shop>")).toBe("hola@sonrisa.shop");
  });
});
