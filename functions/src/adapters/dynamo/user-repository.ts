/** Dashboard users (admin, marketing), looked up by e-mail at sign-in. */
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";

export interface UserRecord {
  email: string;
  role: "admin" | "marketing";
  passwordHash: string;
}

export interface UserRepository {
  get(email: string): Promise<UserRecord | undefined>;
  /** Creates the user unless one with that e-mail exists; returns whether it was created. */
  create(user: UserRecord): Promise<boolean>;
}

export function makeUserRepository(table: Table): UserRepository {
  return {
    async get(email) {
      const out = await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.user(email) }));
      if (!out.Item) return undefined;
      return { email: out.Item.email, role: out.Item.role, passwordHash: out.Item.passwordHash };
    },
    async create(user) {
      try {
        await table.doc.send(
          new PutCommand({
            TableName: table.name,
            Item: { ...keys.user(user.email), entity: "User", ...user, email: user.email.toLowerCase() },
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        );
        return true;
      } catch (err) {
        if ((err as Error).name === "ConditionalCheckFailedException") return false;
        throw err;
      }
    },
  };
}
