// Entry of the CDK app (cdk.json runs it with tsx). Context: mailFrom, alarmEmail, publicUrl, webDist (default:
// kiosk-web/dist, built first if it holds no build).
import { App } from "aws-cdk-lib";
import { ensureWebDist } from "../src/paths.ts";
import { buildSonrisaApp } from "../src/sonrisa-app.ts";

const app = new App();
const context = (key: string): string | undefined => app.node.tryGetContext(key) || undefined;

buildSonrisaApp(app, {
  mailFrom: context("mailFrom") ?? "no-reply@example.com",
  alarmEmail: context("alarmEmail"),
  publicUrl: context("publicUrl"),
  // Built here when missing, so synth works on a fresh clone; a folder given in context must be built already.
  webDist: ensureWebDist(context("webDist")),
});
