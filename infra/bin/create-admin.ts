// Creates the first admin of a deployed table, only when it has no user yet (AWS has no demo users; the demo
// seed is local only). The same rule as SONRISA_ADMIN_EMAIL + SONRISA_ADMIN_PASSWORD with `npm start`.
// Usage: SONRISA_ADMIN_EMAIL=ana@example.com SONRISA_ADMIN_PASSWORD='…12+ characters…' \
//          npx tsx infra/bin/create-admin.ts --table <Sonrisa-Data TableName output>
// --email overrides SONRISA_ADMIN_EMAIL; without SONRISA_ADMIN_PASSWORD a random password is printed once.
// Everyone else is added from the dashboard's People page (or POST /v1/users).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { scryptHasher } from "../../functions/src/adapters/auth/password-hasher.ts";
import { systemClock } from "../../functions/src/adapters/clock.ts";
import { makeDocumentClient } from "../../functions/src/adapters/dynamo/client.ts";
import { makeUserRepository } from "../../functions/src/adapters/dynamo/user-repository.ts";
import { randomIds } from "../../functions/src/adapters/ids.ts";
import { createFirstAdmin } from "../../functions/src/domain/users.ts";

const { values } = parseArgs({
  options: {
    email: { type: "string", default: process.env.SONRISA_ADMIN_EMAIL },
    table: { type: "string", default: process.env.TABLE_NAME },
    /** DynamoDB endpoint override, e.g. DynamoDB Local; AWS credentials and region otherwise. */
    endpoint: { type: "string" },
  },
});

const email = values.email?.trim().toLowerCase();
if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || !values.table) {
  console.error(
    "Usage: SONRISA_ADMIN_EMAIL=<address> SONRISA_ADMIN_PASSWORD=<12+ characters> " +
      "npx tsx infra/bin/create-admin.ts --table <table name> [--email <address>]",
  );
  process.exit(2);
}

const given = process.env.SONRISA_ADMIN_PASSWORD;
if (given !== undefined && given.length < 12) {
  console.error("SONRISA_ADMIN_PASSWORD must be at least 12 characters.");
  process.exit(2);
}
const password = given ?? randomBytes(18).toString("base64url");

const users = makeUserRepository({
  doc: makeDocumentClient({ DYNAMODB_ENDPOINT: values.endpoint }),
  name: values.table,
});
const outcome = await createFirstAdmin(
  { users, secrets: scryptHasher, ids: randomIds, clock: systemClock },
  email,
  password,
);
if (outcome === "users_exist") {
  console.error(`${values.table} has users already; nothing changed. Add people from the dashboard's People page.`);
  process.exit(1);
}
console.log(`Created the first admin ${email} in ${values.table}.`);
if (given === undefined) console.log(`Password (shown once, keep it safe): ${password}`);
