/**
 * `npm run demo:webhooks`: a webhook receiver for the local stack's demo, on http://127.0.0.1:8099/hooks (WEBHOOK_PORT
 * to change). Register that address on the dashboard's Integrations page (plain http to 127.0.0.1 is allowed
 * locally only), then start it with the signing secret the page showed: `WEBHOOK_SECRET=whsec_… npm run
 * demo:webhooks`. It verifies each delivery with the Standard Webhooks reference library, answers 204 to a valid
 * one and 401 otherwise, and prints the event's type, id and whether it verified; never its data (which can
 * hold a contact's address).
 */
import { createServer } from "node:http";
import { Webhook } from "standardwebhooks";

const port = Number(process.env.WEBHOOK_PORT ?? 8099);
const secret = process.env.WEBHOOK_SECRET ?? "";
if (!/^whsec_[A-Za-z0-9+/=]+$/.test(secret)) {
  console.error("Set WEBHOOK_SECRET to the endpoint's signing secret (whsec_…), as the Integrations page showed it.");
  process.exit(1);
}
const webhook = new Webhook(secret);

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  const headers = {
    "webhook-id": String(req.headers["webhook-id"] ?? ""),
    "webhook-timestamp": String(req.headers["webhook-timestamp"] ?? ""),
    "webhook-signature": String(req.headers["webhook-signature"] ?? ""),
  };
  let type = "?";
  let status = 204;
  try {
    type = (webhook.verify(body, headers) as { type: string }).type;
  } catch {
    status = 401;
  }
  console.log(
    `${new Date().toISOString()} ${headers["webhook-id"]} ${type} ${status === 204 ? "verified" : "NOT verified"}`,
  );
  res.writeHead(status).end();
});
server.listen(port, "127.0.0.1", () => console.log(`Webhook receiver on http://127.0.0.1:${port}/hooks`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
