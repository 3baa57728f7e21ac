/** Which verified tokens still hold: the user's or the store PIN's version decides, and a removed member ends. */
import { describe, expect, it } from "vitest";
import type { StaffRepository } from "./ports/staff-repository.ts";
import type { UserRecord, UserRepository } from "./ports/user-repository.ts";
import { sessionIsCurrent } from "./sessions.ts";

const user: UserRecord = { userId: "u1", email: "ana@example.com", role: "manager", passwordHash: "x", version: 3 };
const deps = (stored: UserRecord | undefined, pinVersion = 2, members: string[] = []) => ({
  users: { get: async () => stored } as unknown as UserRepository,
  staff: {
    pin: async () => ({ version: pinVersion, minDigits: 4 }),
    member: async (_s: string, id: string) => (members.includes(id) ? { staffId: id } : undefined),
  } as unknown as StaffRepository,
});

describe("sessions", () => {
  it("hold for a user token of the user's current version and role", async () => {
    const token = { role: "manager" as const, sub: user.email, sv: 3 };
    expect(await sessionIsCurrent(deps(user), token)).toBe(true);
    expect(await sessionIsCurrent(deps({ ...user, version: 4 }), token)).toBe(false);
    expect(await sessionIsCurrent(deps({ ...user, disabled: true }), token)).toBe(false);
    expect(await sessionIsCurrent(deps({ ...user, role: "admin" }), token)).toBe(false);
    expect(await sessionIsCurrent(deps(undefined), token)).toBe(false);
  });

  it("hold for a staff token until the PIN rotates or its named member is removed", async () => {
    const staff = { role: "staff" as const, sub: "staff:s", storeId: "s", sv: 2 };
    expect(await sessionIsCurrent(deps(undefined, 2), staff)).toBe(true);
    expect(await sessionIsCurrent(deps(undefined, 3), staff)).toBe(false);
    expect(await sessionIsCurrent(deps(undefined, 2, ["m1"]), { ...staff, staffId: "m1" })).toBe(true);
    expect(await sessionIsCurrent(deps(undefined, 2, []), { ...staff, staffId: "m1" })).toBe(false);
  });

  it("treat a token without a version as version 0 (issued before versions existed)", async () => {
    expect(await sessionIsCurrent(deps({ ...user, version: 0 }), { role: "manager", sub: user.email })).toBe(true);
  });
});
