/** GET /v1/health: ok when the table answers. */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { realTable } from "../wiring.ts";

async function getHealth() {
  const table = realTable();
  try {
    await table.doc.send(new GetCommand({ TableName: table.name, Key: { pk: "HEALTH", sk: "HEALTH" } }));
    return json(200, { ok: true });
  } catch {
    return json(503, { ok: false, error: { code: "unavailable", message: "The table does not answer" } });
  }
}

export const handler = httpApi("get-health", {}, getHealth);
