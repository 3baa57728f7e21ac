// Entry of the CDK app (cdk.json runs it with tsx). Context: mailFrom, alarmEmail, webDist, publicUrl.
import { App } from "aws-cdk-lib";
import { buildSonrisaApp } from "../src/sonrisa-app.ts";

const app = new App();
const context = (key: string): string | undefined => app.node.tryGetContext(key) || undefined;

buildSonrisaApp(app, {
  mailFrom: context("mailFrom") ?? "no-reply@example.com",
  alarmEmail: context("alarmEmail"),
  publicUrl: context("publicUrl"),
  webDist: context("webDist"),
});
