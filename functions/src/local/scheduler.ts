/** Runs the scheduled jobs locally on a timer, as EventBridge does in AWS. */
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { type Job, jobs } from "@sonrisa/shared";
import type { Context, ScheduledEvent } from "aws-lambda";
import { buildContext } from "./api-event.ts";
import { describeError, type LocalLog, makeLog } from "./log.ts";
import { makeModuleLoader } from "./module-loader.ts";

type JobModule = { handler?: (event: ScheduledEvent, context: Context) => Promise<unknown> };

export interface SchedulerOptions {
  /** Where `<job>.ts` entry files live; default functions/src/jobs. */
  jobsDir?: string;
  /** Delay before each job's first run; default 10 s. */
  firstRunAfterMs?: number;
  /** Run only these jobs (by handler name); default every job. */
  only?: readonly string[];
  log?: LocalLog;
}

export interface Scheduler {
  /** Clears the timers and waits for runs in progress. */
  stop(): Promise<void>;
}

const defaultJobsDir = fileURLToPath(new URL("../jobs", import.meta.url));

/** Starts one timer per job of the shared `jobs` list; a job never overlaps itself and never crashes the stack. */
export function startScheduler(opts: SchedulerOptions = {}): Scheduler {
  const log = opts.log ?? makeLog();
  const loader = makeModuleLoader<JobModule>(opts.jobsDir ?? defaultJobsDir);
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<void>>();
  const announcedMissing = new Set<string>();

  async function run(job: Job): Promise<void> {
    const name = job.handler;
    if (!loader.exists(name)) {
      if (!announcedMissing.has(name)) log.debug(`job ${name}: functions/src/jobs/${name}.ts not written yet, skipped`);
      announcedMissing.add(name);
      return;
    }
    const started = performance.now();
    try {
      const mod = await loader.load(name);
      if (typeof mod.handler !== "function") throw new Error(`${name}.ts does not export a handler`);
      await mod.handler(
        scheduledEvent(name),
        buildContext(`sonrisa-local-${name}`, (job.timeoutMinutes ?? 1) * 60_000),
      );
      if (!job.localEverySeconds) log.debug(`job ${name} done in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      log.error(`job ${name} failed: ${describeError(error)}`);
    }
  }

  function tick(job: Job): void {
    const name = job.handler;
    if (running.has(name)) return; // the previous run is still going
    const work = run(job).finally(() => running.delete(name));
    running.set(name, work);
  }

  for (const job of jobs.filter((j) => !opts.only || opts.only.includes(j.handler))) {
    const first = setTimeout(() => {
      tick(job);
      // Locally a job may run more often than EventBridge's one minute (a due message leaves within seconds).
      const everyMs = job.localEverySeconds ? job.localEverySeconds * 1000 : job.everyMinutes * 60_000;
      const every = setInterval(() => tick(job), everyMs);
      every.unref();
      timers.push(every);
    }, opts.firstRunAfterMs ?? 10_000);
    first.unref();
    timers.push(first);
  }

  return {
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.length = 0;
      await Promise.all(running.values());
    },
  };
}

/** What EventBridge sends a scheduled target. */
function scheduledEvent(name: string): ScheduledEvent {
  const region = process.env.AWS_REGION ?? "eu-west-1";
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": "Scheduled Event",
    source: "aws.events",
    account: "000000000000",
    time: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    region,
    resources: [`arn:aws:events:${region}:000000000000:rule/sonrisa-local-${name}`],
    detail: {},
  };
}
