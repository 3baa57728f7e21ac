/**
 * Members at the counter: find one by mobile, member number or the card's QR code (the staff phone's camera),
 * see stamps and rewards ready, add a stamp for a purchase with a reason, and redeem a reward with the card's
 * rotating code (typed, or read from the same QR code). Nothing about the person is shown: it is not known here.
 */
import { parseCardQr } from "@sonrisa/shared/card-qr";
import type { MemberView } from "@sonrisa/shared/schemas/loyalty";
import { useState } from "preact/hooks";
import { ApiError, type StoreApi } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import type { PanelNotice } from "../../lib/use-notices.ts";
import { Button } from "../button/button.tsx";
import { Field, inputClass } from "../field/field.tsx";
import { Notice } from "../notice/notice.tsx";
import { CardScanner } from "./card-scanner.tsx";
import styles from "./member-panel.module.css";

interface Props {
  api: StoreApi;
  board: PanelNotice;
  onChanged: () => void;
}

type Query = { phone: string } | { code: string };

/** A mobile is digits (a + and spaces allowed); anything else is a member number. */
export function queryOf(text: string): Query | undefined {
  const trimmed = text.trim();
  const digits = trimmed.replace(/[\s()-]/g, "");
  if (/^\+?\d{8,15}$/.test(digits)) return { phone: digits };
  const code = trimmed.toUpperCase().replace(/[\s-]/g, "");
  return /^[A-Z0-9]{4,16}$/.test(code) ? { code } : undefined;
}

export function MemberPanel({ api, board, onChanged }: Props) {
  const { t, lang } = useI18n();
  const m = t.members;
  const [text, setText] = useState("");
  const [member, setMember] = useState<MemberView>();
  const [scanning, setScanning] = useState(false);
  const [redeeming, setRedeeming] = useState<{ stamps: number; gift: string }>();
  const [otp, setOtp] = useState("");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const { notice, onNotice } = board;

  const failed = (error: unknown) => {
    const e = t.memberErrors;
    let text = e.other;
    if (error instanceof ApiError) {
      if (error.status === 0) text = e.offline;
      else if (error.status === 429) text = e.locked(Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)));
      else if (error.code in e) text = (e as unknown as Record<string, string>)[error.code] ?? e.other;
      else if (error.status === 404) text = e.not_found;
    }
    onNotice({ tone: "error", text });
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };
  const find = (query: Query, code?: string) =>
    run(async () => {
      onNotice(undefined);
      setRedeeming(undefined);
      const found = await api.member(query);
      setMember(found);
      if (code) setOtp(code);
    });

  return (
    <div class={styles.panel}>
      <form
        class={styles.find}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const query = queryOf(text);
          if (!query) return onNotice({ tone: "error", text: t.memberErrors.format });
          void find(query);
        }}
      >
        <Field id="member-find" label={m.find} hint={m.findHint}>
          <div class={styles.row}>
            <input
              id="member-find"
              class={inputClass}
              autoComplete="off"
              spellcheck={false}
              inputMode="text"
              value={text}
              aria-describedby="member-find-hint members-notice"
              onInput={(e) => setText(e.currentTarget.value)}
            />
            <Button type="submit" disabled={busy}>
              {m.search}
            </Button>
          </div>
        </Field>
        <Button kind="secondary" onClick={() => setScanning(!scanning)}>
          {scanning ? m.scanStop : m.scan}
        </Button>
      </form>
      {scanning && (
        <CardScanner
          note={m.scanning}
          onText={(raw) => {
            const card = parseCardQr(raw);
            if (!card) return onNotice({ tone: "error", text: m.notQr });
            setScanning(false);
            setText(card.code);
            void find({ code: card.code }, card.otp);
          }}
          onNoCamera={() => {
            setScanning(false);
            onNotice({ tone: "error", text: m.noCamera });
          }}
        />
      )}
      <Notice id="members-notice" value={notice} />
      {member && (
        <section class={styles.member} aria-labelledby="member-title" data-testid="staff-member">
          <h3 id="member-title" class={styles.code}>
            {m.member(member.code)}
          </h3>
          <p class={styles.stamps} data-testid="staff-member-stamps">
            {m.stamps(member.stamps, member.of)}
          </p>
          <h4 class={styles.subtitle}>{m.ready}</h4>
          {member.rewardsReady.length === 0 ? (
            <p class={styles.muted}>{m.noneReady}</p>
          ) : (
            <ul class={styles.rewards}>
              {member.rewardsReady.map((r) => (
                <li key={`${r.stamps}${r.rewardId ?? ""}`}>
                  <span>
                    {r.gift[lang]} · {r.stamps} {r.rewardId ? `(${m.held})` : ""}
                  </span>
                  <Button kind="secondary" onClick={() => setRedeeming({ stamps: r.stamps, gift: r.gift[lang] })}>
                    {m.redeem}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {redeeming && (
            <form
              class={styles.redeem}
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                if (!/^\d{6}$/.test(otp)) return onNotice({ tone: "error", text: t.memberErrors.otpFormat });
                void run(async () => {
                  const done = await api.redeem(member.code, redeeming.stamps, otp, crypto.randomUUID());
                  setMember(done.member);
                  setRedeeming(undefined);
                  setOtp("");
                  onNotice({ tone: "success", text: m.redeemed(done.redemption.gift[lang]) });
                  onChanged();
                });
              }}
            >
              <h4 class={styles.subtitle}>{m.redeemTitle(redeeming.gift)}</h4>
              <Field id="member-otp" label={m.otp} hint={m.otpHint}>
                <div class={styles.row}>
                  <input
                    id="member-otp"
                    class={`${inputClass} ${styles.otp}`}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={7}
                    value={otp}
                    aria-describedby="member-otp-hint members-notice"
                    onInput={(e) => setOtp(e.currentTarget.value.replace(/\D/g, "").slice(0, 6))}
                  />
                  <Button type="submit" disabled={busy}>
                    {m.confirm}
                  </Button>
                  <Button kind="quiet" onClick={() => setRedeeming(undefined)}>
                    {m.cancel}
                  </Button>
                </div>
              </Field>
            </form>
          )}
          <form
            class={styles.stamp}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                const done = await api.addStamp(member.code, reason.trim() || m.reasonDefault, crypto.randomUUID());
                setMember(done.member);
                setReason("");
                onNotice({ tone: "success", text: m.added });
                onChanged();
              });
            }}
          >
            <Field id="member-reason" label={m.addStamp}>
              <div class={styles.row}>
                <input
                  id="member-reason"
                  class={inputClass}
                  maxLength={200}
                  placeholder={m.reasonDefault}
                  value={reason}
                  onInput={(e) => setReason(e.currentTarget.value)}
                />
                <Button type="submit" kind="secondary" disabled={busy}>
                  {m.add}
                </Button>
              </div>
            </Field>
          </form>
          <h4 class={styles.subtitle}>{m.history}</h4>
          <ul class={styles.history}>
            {member.history.slice(0, 5).map((h, i) => (
              <li key={`${h.at}${i}`}>
                <span>
                  {h.kind === "stamp"
                    ? `+1 · ${m.reasons[h.reason ?? "visit"] ?? ""}${h.note ? ` (${h.note})` : ""}`
                    : `${m.rewardStatus[h.status ?? "issued"]} · ${h.gift?.[lang] ?? ""}`}
                </span>
                <time dateTime={h.at}>
                  {new Intl.DateTimeFormat(lang, { dateStyle: "short" }).format(new Date(h.at))}
                </time>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
