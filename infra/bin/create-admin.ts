// Creates the first dashboard user in a deployed table (AWS has no demo users; the demo seed is local only).
// Usage: npx tsx infra/bin/create-admin.ts --email ana@example.com --table <Sonrisa-Data TableName output>
// The password comes from SONRISA_ADMIN_PASSWORD, or a random one is generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { hashSecret } from "../../functions/src/adapters/auth/password-hasher.ts";
import { makeDocumentClient } from "../../functions/src/adapters/dynamo/client.ts";
import { makeUserRepository } from "../../functions/src/adapters/dynamo/user-repository.ts";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    table: { type: "string", default: process.env.TABLE_NAME },
    role: { type: "string", default: "admin" },
    /** DynamoDB endpoint override, e.g. DynamoDB Local; AWS credentials and region otherwise. */
    endpoint: { type: "string" },
  },
});

const email = values.email?.trim().toLowerCase();
const role = values.role;
if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || !values.table || (role !== "admin" && role !== "marketing")) {
  console.error(
    "Usage: npx tsx infra/bin/create-admin.ts --email <address> --table <table name> [--role admin|marketing]",
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
const created = await users.create({ email, role, passwordHash: await hashSecret(password) });
if (!created) {
  console.error(`A user ${email} already exists in ${values.table}; nothing changed.`);
  process.exit(1);
}
console.log(`Created ${role} ${email} in ${values.table}.`);
if (given === undefined) console.log(`Password (shown once, keep it safe): ${password}`);
