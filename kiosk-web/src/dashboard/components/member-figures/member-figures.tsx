/** A store's club over the period: members identified, joined, returning, stamps given, rewards redeemed. */
import type { MemberCounts } from "@sonrisa/shared/schemas/results";
import { useI18n } from "../../lib/i18n.ts";
import { loyaltyMessages } from "../../pages/loyalty/messages.ts";
import ui from "../admin-ui/admin-ui.module.css";

export function MemberFigures({ members }: { members: MemberCounts }) {
  const { lang, f } = useI18n();
  const m = loyaltyMessages(lang);
  const keys = ["identified", "returning", "joined", "stamps", "redeemed"] as const;
  return (
    <dl class={ui.figures}>
      {keys.map((k) => (
        <div key={k}>
          <dt>{m.figures[k]}</dt>
          <dd data-testid={`members-${k}`}>{f.int(members[k])}</dd>
        </div>
      ))}
    </dl>
  );
}
