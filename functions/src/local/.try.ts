import { startDynamoLocal } from "/work/main/functions/src/local/dynamo-local.ts";
import { ensureTable, localDynamoClient } from "/work/main/functions/src/local/ensure-table.ts";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
const t0 = Date.now();
const ddb = await startDynamoLocal({ dbPath: process.argv[2] });
console.log("ready", ddb.endpoint, Date.now() - t0);
const c = localDynamoClient(ddb.endpoint);
await ensureTable(c, "sonrisa-local");
await ensureTable(c, "sonrisa-local");
const d = await c.send(new DescribeTableCommand({ TableName: "sonrisa-local" }));
console.log(d.Table?.TableStatus, d.Table?.GlobalSecondaryIndexes?.map(g=>g.IndexName+":"+g.IndexStatus), d.Table?.StreamSpecification, Date.now() - t0);
c.destroy();
if (process.argv[3] === "kill9") { process.kill(process.pid, "SIGKILL"); }
if (process.argv[3] === "exit") { process.exit(0); }
await ddb.stop();
console.log("stopped", Date.now() - t0);
