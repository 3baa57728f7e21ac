/** Scheduled jobs' resume points: one small item per job. */
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { JobStateRepository } from "../../domain/ports/job-state-repository.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";

export function makeJobStateRepository(table: Table): JobStateRepository {
  return {
    async cursor(job) {
      const out = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.jobState(job), ConsistentRead: true }),
      );
      return typeof out.Item?.cursor === "string" ? out.Item.cursor : undefined;
    },
    async saveCursor(job, cursor, at) {
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keys.jobState(job), entity: "JobState", job, cursor, savedAt: at },
        }),
      );
    },
  };
}
