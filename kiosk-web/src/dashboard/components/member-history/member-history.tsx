/** A contact's club card in the contact view: member number, stamps to spend, rewards, and stamps and rewards over time. */
import type { MemberView } from "@sonrisa/shared/schemas/loyalty";
import { useI18n } from "../../lib/i18n.ts";
import { loyaltyMessages } from "../../pages/loyalty/messages.ts";
import ui from "../admin-ui/admin-ui.module.css";

export function MemberHistory({ member, storeName }: { member: MemberView; storeName: (id: string) => string }) {
  const { lang } = useI18n();
  const m = loyaltyMessages(lang);
  const when = (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(new Date(iso));
  return (
    <>
      <h3>{m.member}</h3>
      <p>
        <strong>{m.memberLine(member.code, member.stamps, member.of)}</strong>
        {member.rewardsReady.length > 0 && ` · 🎁 ${member.rewardsReady.map((r) => r.gift[lang]).join(", ")}`}
      </p>
      <h3>{m.memberHistory}</h3>
      <ul class={ui.list}>
        {member.history.map((h, i) => (
          <li key={`${h.at}${i}`}>
            {h.kind === "stamp"
              ? `+1 · ${m.reasons[h.reason ?? "visit"] ?? ""}${h.note ? ` («${h.note}»)` : ""}${h.expired ? ` (${m.expired})` : ""}`
              : `${m.rewardStatus[h.status ?? "issued"] ?? ""} · ${h.gift?.[lang] ?? ""}`}{" "}
            <span class={ui.muted}>
              · {storeName(h.storeId)} · {when(h.at)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
