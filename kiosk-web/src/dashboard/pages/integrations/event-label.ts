/** An event type's name on screen: the catalogue keys them without dots (its tests read keys as dotted paths). */
import type { WebhookEventType } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import type { Messages } from "../../messages.ts";

const KEY = {
  "answer.stored": "answerStored",
  "gift.won": "giftWon",
  "gift.handed": "giftHanded",
  "contact.created": "contactCreated",
  "consent.withdrawn": "consentWithdrawn",
  "alert.fired": "alertFired",
  "reward.redeemed": "rewardRedeemed",
} as const satisfies Record<WebhookEventType, keyof Messages["integrations"]["event"]>;

export function useEventLabel(): (type: WebhookEventType) => string {
  const { t } = useI18n();
  return (type) => t.integrations.event[KEY[type]];
}
