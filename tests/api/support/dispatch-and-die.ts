/**
 * A dispatcher process for the crash test: claims and (with `after-send`) sends its first message through the
 * real SMTP catcher, then prints READY-TO-DIE and waits to be killed, so no outcome is ever recorded.
 */

import type { Mailer } from "../../../functions/src/domain/ports/mailer.ts";
import { makeJob } from "../../../functions/src/jobs/dispatch-messages.ts";
import { testDeps } from "./follow-ups.ts";

const when = process.argv[2];
const deps = testDeps();
const mailer: Mailer = {
  async send(mail) {
    if (when === "after-send") await deps.mailer.send(mail);
    process.stdout.write("READY-TO-DIE\n");
    return new Promise(() => undefined); // killed here
  },
};
await makeJob({ ...deps, mailer })();
