/**
 * Starting empty (issue 10, item 1): without the demo, the stack has no store and no demo login; the first
 * admin comes from SONRISA_ADMIN_EMAIL/PASSWORD (here the options `npm start` builds from them) only while
 * no user exists, and infra/bin/create-admin.ts follows the same rule against a table.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../functions/src/local/local-stack.ts";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const ADMIN = { email: "ana@chain.example", password: "a first passphrase" };

let stack: LocalStack;
const post = (path: string, body: unknown, token?: string) =>
  fetch(`${stack.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, seed: false, scheduler: false, quiet: true, firstAdmin: ADMIN });
});
afterAll(() => stack?.stop());

describe("SONRISA_DEMO=off with a first admin", () => {
  it("creates the first admin, who signs in to an organisation with no stores", async () => {
    const login = await post("/v1/auth/login", ADMIN);
    const { token, role } = (await login.json()) as { token: string; role: string };
    const stores = await fetch(`${stack.url}/v1/stores`, { headers: { authorization: `Bearer ${token}` } });

    expect(stack.firstAdmin).toBe("created");
    expect(role).toBe("admin");
    expect(await stores.json()).toEqual({ stores: [] });
  });

  it("has no demo credential: the demo logins and the demo PIN are refused", async () => {
    const demoAdmin = await post("/v1/auth/login", { email: "admin@sonrisa.local", password: "sonrisa-admin" });
    const demoStaff = await post("/v1/auth/staff", { storeId: "madrid-centro", pin: "2468" });

    expect(demoAdmin.status).toBe(401);
    expect(demoStaff.status).toBe(401);
  });

  it("create-admin adds nobody once a user exists, and refuses a short password", async () => {
    const args = ["tsx", "infra/bin/create-admin.ts", "--table", stack.tableName, "--endpoint", stack.dynamoEndpoint];
    const env = {
      ...process.env,
      SONRISA_ADMIN_EMAIL: "eve@chain.example",
      SONRISA_ADMIN_PASSWORD: "another long one",
    };

    const exists = await run("npx", args, { cwd: repoRoot, env }).catch((e: { code: number; stderr: string }) => e);
    const short = await run("npx", args, { cwd: repoRoot, env: { ...env, SONRISA_ADMIN_PASSWORD: "short" } }).catch(
      (e: { code: number; stderr: string }) => e,
    );

    expect(exists).toMatchObject({ code: 1, stderr: expect.stringMatching(/has users already/) });
    expect(short).toMatchObject({ code: 2 });
    expect((await post("/v1/auth/login", { email: "eve@chain.example", password: "another long one" })).status).toBe(
      401,
    );
  });

  it("the demo seed refuses to run outside local mode", async () => {
    const { seedDemo } = await import("../../functions/src/local/seed-demo.ts");
    const mode = process.env.SONRISA_MODE;
    process.env.SONRISA_MODE = "aws";
    try {
      await expect(seedDemo({ tableName: stack.tableName, endpoint: stack.dynamoEndpoint })).rejects.toThrow(/local/);
    } finally {
      process.env.SONRISA_MODE = mode;
    }
  });
});
