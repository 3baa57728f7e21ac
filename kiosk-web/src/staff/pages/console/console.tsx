/** The signed-in console: hand-overs and pending gifts first, then today's numbers, spontaneous gifts and stock. */
import { useMemo, useRef } from "preact/hooks";
import { CodeForm } from "../../components/code-form/code-form.tsx";
import { HandedList } from "../../components/handed-list/handed-list.tsx";
import { MemberPanel } from "../../components/member-panel/member-panel.tsx";
import { Notice } from "../../components/notice/notice.tsx";
import { Panel } from "../../components/panel/panel.tsx";
import { PendingList } from "../../components/pending-list/pending-list.tsx";
import { SpontaneousForm } from "../../components/spontaneous-form/spontaneous-form.tsx";
import { StockPanel } from "../../components/stock-panel/stock-panel.tsx";
import { TodayNumbers } from "../../components/today-numbers/today-numbers.tsx";
import { storeApi } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import type { Session } from "../../lib/session.ts";
import { useConsoleData } from "../../lib/use-console-data.ts";
import { useHandOver } from "../../lib/use-hand-over.ts";
import { type NoticePanel, useNotices } from "../../lib/use-notices.ts";
import styles from "./console.module.css";
import { ConsoleHeader } from "./console-header.tsx";
import { HandOverDialog } from "./hand-over-dialog.tsx";

interface Props {
  session: Session;
  onSignOut: () => void;
  onAuthLost: () => void;
}

export function Console({ session, onSignOut, onAuthLost }: Props) {
  const { t, lang } = useI18n();
  const authLost = useRef(onAuthLost);
  authLost.current = onAuthLost;
  const api = useMemo(() => storeApi(session.storeId, session.token, () => authLost.current()), [session]);
  const data = useConsoleData(api);
  const { staffName } = session;
  const { notices, show } = useNotices();
  const board = (panel: NoticePanel) => ({ notice: notices[panel], onNotice: show.bind(null, panel) });
  const handOver = useHandOver({
    api,
    pending: data.pending,
    staffName,
    t,
    lang,
    board: board("hand-over"),
    onDone: data.refresh,
  });
  const count = data.pending?.length;

  return (
    <div class={styles.page}>
      <ConsoleHeader
        storeId={session.storeId}
        storeName={data.today?.name}
        staffName={session.staffName}
        onSignOut={onSignOut}
      />
      <main class={styles.main} aria-busy={data.pending ? undefined : "true"}>
        <h1 class="sr-only">{data.today?.name ?? session.storeId}</h1>
        {data.stale && <p class={styles.stale}>{t.stale}</p>}
        <div class={styles.columns}>
          <div class={styles.column}>
            <Panel id="hand-over" title={t.handOver.title}>
              <CodeForm
                code={handOver.input}
                onCode={handOver.setInput}
                onAsk={handOver.ask}
                invalid={handOver.notice?.tone === "error"}
              />
              <Notice id="hand-over-notice" value={handOver.notice} />
            </Panel>
            <Panel
              id="pending"
              title={t.pending.title}
              extra={
                count !== undefined && (
                  <span class={styles.count} aria-live="polite">
                    {t.pending.count(count)}
                  </span>
                )
              }
            >
              <p class={styles.auto}>{t.pending.auto}</p>
              <PendingList gifts={data.pending} onPick={handOver.ask} />
            </Panel>
            <Panel id="members" title={t.members.title}>
              <MemberPanel api={api} board={board("members")} onChanged={data.refresh} />
            </Panel>
            <Panel id="handed" title={t.history.title}>
              <HandedList gifts={data.handed} />
            </Panel>
          </div>
          <div class={styles.column}>
            <Panel id="today" title={t.today.title}>
              <TodayNumbers today={data.today} />
            </Panel>
            <StockPanel api={api} items={data.stock} board={board("stock")} onSaved={data.refresh} />
            <Panel id="spontaneous" title={t.spontaneous.title}>
              <SpontaneousForm
                api={api}
                stock={data.stock}
                staffName={staffName}
                board={board("spontaneous")}
                onDone={data.refresh}
              />
            </Panel>
          </div>
        </div>
      </main>
      {handOver.confirming && <HandOverDialog handOver={handOver} />}
    </div>
  );
}
