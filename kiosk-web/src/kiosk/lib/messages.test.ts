import { describe, expect, it } from "vitest";
import { messagesFor as dashboardMessages } from "../../dashboard/messages.ts";
import { messagesFor } from "./messages.ts";

describe("the pairing screen", () => {
  it.each(["es", "en"] as const)(
    "names the dashboard page where codes are made, as the dashboard calls it (%s)",
    (lang) => {
      expect(messagesFor(lang).pairIntro).toContain(dashboardMessages(lang).nav.kiosks);
    },
  );
});
