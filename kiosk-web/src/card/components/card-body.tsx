/** The card itself: the stamp count with its dots, rewards ready, the rotating code and QR code, the history. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { CardView } from "@sonrisa/shared/schemas/loyalty";
import styles from "../card.module.css";
import { useRotatingCode } from "../lib/use-rotating-code.ts";
import type { Messages } from "../messages.ts";
import { History } from "./history.tsx";
import { QrCode } from "./qr-code.tsx";

interface Props {
  card: CardView;
  skewMs: number;
  lang: Lang;
  t: Messages;
  qrText: (code: string, otp?: string) => string;
}

export function CardBody({ card, skewMs, lang, t, qrText }: Props) {
  const { member } = card;
  const rotating = useRotatingCode(card.secret, skewMs);
  const next = card.tiers.find((tier) => tier.stamps > member.stamps);
  const dots = Math.min(member.of, 20);
  const date = (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(new Date(iso));
  return (
    <>
      <section class={styles.stamps} aria-labelledby="stamps-count">
        <p id="stamps-count" class={styles.count}>
          <strong data-testid="card-stamps">{t.stampsOf(member.stamps, member.of)}</strong> <span>{t.stampsWord}</span>
        </p>
        <ol class={styles.dots} aria-hidden="true">
          {Array.from({ length: dots }, (_, i) => (
            <li key={i} class={i < member.stamps ? styles.full : undefined} />
          ))}
        </ol>
        {next && <p class={styles.toGo}>{t.toGo(next.stamps - member.stamps, next.gift.name[lang])}</p>}
        {member.expiring && <p class={styles.small}>{t.expiring(member.expiring.stamps, date(member.expiring.at))}</p>}
      </section>
      {member.rewardsReady.length > 0 && (
        <section class={styles.ready} aria-labelledby="ready-title">
          <h2 id="ready-title">{t.ready}</h2>
          <ul>
            {member.rewardsReady.map((r) => (
              <li key={`${r.stamps}${r.rewardId ?? ""}`}>
                <span aria-hidden="true">🎁</span> {r.gift[lang]} <small>· {t.stampsCost(r.stamps)}</small>
              </li>
            ))}
          </ul>
          <p class={styles.small}>{t.readyHint}</p>
        </section>
      )}
      <section class={styles.code} aria-labelledby="code-title">
        <h2 id="code-title">{t.codeTitle}</h2>
        <p class={styles.otp} data-testid="card-otp" aria-live="polite">
          {rotating ? `${rotating.code.slice(0, 3)} ${rotating.code.slice(3)}` : "··· ···"}
        </p>
        <p class={styles.small}>{rotating ? t.nextIn(rotating.left) : t.codeHint}</p>
        <QrCode class={styles.qr} text={qrText(member.code, rotating?.code)} label={t.qrLabel(member.code)} />
        <p class={styles.small}>{t.qrHint}</p>
        <p class={styles.memberNo}>
          {t.memberNo} <strong data-testid="card-member-code">{member.code}</strong>
        </p>
      </section>
      <History events={member.history} lang={lang} t={t} />
    </>
  );
}
