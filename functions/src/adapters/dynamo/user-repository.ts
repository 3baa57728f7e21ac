/** Dashboard users (admin, marketing), looked up by e-mail at sign-in. */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { UserRepository } from "../../domain/ports/user-repository.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import { putIfAbsent } from "./transact.ts";

export function makeUserRepository(table: Table): UserRepository {
  return {
    async get(email) {
      const out = await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.user(email) }));
      if (!out.Item) return undefined;
      return { email: out.Item.email, role: out.Item.role, passwordHash: out.Item.passwordHash };
    },
    create(user) {
      return putIfAbsent(table, { ...keys.user(user.email), entity: "User", ...user, email: user.email.toLowerCase() });
    },
  };
}
