/**
 * People of the dashboard: list, add, change role, stores and status, change one's own password, and the
 * first admin of an empty organisation. Every change bumps the user's version, which ends its sessions.
 */
import type { CreateUserRequest, UpdateUserRequest, User } from "@sonrisa/shared/schemas/users";
import { type AuthDeps, issueUserToken, userBuckets } from "./auth.ts";
import { Conflict, Invalid, NotFound, Unauthorized } from "./errors.ts";
import type { Principal } from "./ports/principal.ts";
import type { StoreRepository } from "./ports/store-repository.ts";
import type { UserRecord } from "./ports/user-repository.ts";
import { claim, fail, settle } from "./throttle.ts";

export type UserDeps = AuthDeps;

/** A user as the API shows it: never the password hash or the version. */
export function publicUser(user: UserRecord): User {
  return {
    userId: user.userId,
    email: user.email,
    role: user.role,
    ...(user.role === "manager" ? { stores: user.stores ?? [] } : {}),
    disabled: user.disabled === true,
    ...(user.createdAt ? { createdAt: user.createdAt } : {}),
  };
}

export async function listUsers(deps: Pick<UserDeps, "users">): Promise<User[]> {
  const users = await deps.users.list();
  return users.map(publicUser).sort((a, b) => a.email.localeCompare(b.email));
}

export async function createUser(deps: UserDeps, body: CreateUserRequest): Promise<User> {
  if (body.stores) await requireStores(deps.stores, body.stores);
  const user: UserRecord = {
    userId: deps.ids.uuid(),
    email: body.email.toLowerCase(),
    role: body.role,
    passwordHash: await deps.secrets.hash(body.password),
    ...(body.role === "manager" ? { stores: body.stores } : {}),
    version: 0,
    createdAt: deps.clock.now().toISOString(),
  };
  if (!(await deps.users.create(user))) throw new Conflict(`A user with e-mail ${user.email} exists`, "email_taken");
  return publicUser(user);
}

/**
 * Changes role, status or a manager's stores. The last active admin can be neither demoted nor disabled:
 * the write is conditioned on another admin staying an active admin, so two admins cannot demote each other.
 */
export async function updateUser(deps: UserDeps, userId: string, body: UpdateUserRequest): Promise<User> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const user = await deps.users.getById(userId);
    if (!user) throw new NotFound(`No user ${userId}`);
    const role = body.role ?? user.role;
    const stores = role === "manager" ? (body.stores ?? user.stores) : undefined;
    if (body.stores && role !== "manager") throw invalid(["stores"], "only managers have stores");
    if (role === "manager" && !stores?.length) throw invalid(["stores"], "a manager needs at least one store");
    if (body.stores) await requireStores(deps.stores, body.stores);
    const next: UserRecord = {
      ...user,
      role,
      version: user.version + 1,
      disabled: body.disabled ?? user.disabled === true,
    };
    if (stores) next.stores = stores;
    else delete next.stores;
    const losesAdmin = user.role === "admin" && !user.disabled && (next.role !== "admin" || next.disabled);
    const keeper = losesAdmin ? await anotherActiveAdmin(deps, user.userId) : undefined;
    if (losesAdmin && !keeper) {
      throw new Conflict("This is the last active admin: make another admin first", "last_admin");
    }
    if (await deps.users.update(next, user.version, keeper)) return publicUser(next);
  }
  throw new Conflict("The user changed meanwhile: try again");
}

/** Own password, with the current one (throttled like sign-in); answers a new token, as the old one ends. */
export async function changePassword(
  deps: UserDeps,
  principal: Principal,
  current: string,
  next: string,
  client: string,
) {
  const buckets = userBuckets(principal.sub, client);
  const claimedAt = await claim(deps, buckets, "Too many wrong passwords: try again later");
  const user = await deps.users.get(principal.sub);
  if (!user || user.disabled) {
    await settle(deps, claimedAt, [], buckets);
    throw new Unauthorized("This session has ended");
  }
  if (!(await deps.secrets.verify(current, user.passwordHash))) {
    await fail(deps, claimedAt, buckets);
    throw invalid(["currentPassword"], "the current password is not right");
  }
  await settle(deps, claimedAt, buckets);
  const changed: UserRecord = { ...user, passwordHash: await deps.secrets.hash(next), version: user.version + 1 };
  if (!(await deps.users.update(changed, user.version)))
    throw new Conflict("Your account changed meanwhile: try again");
  return issueUserToken(deps, changed);
}

/**
 * The first admin of an empty organisation (SONRISA_ADMIN_EMAIL and SONRISA_ADMIN_PASSWORD, locally and
 * through infra/bin/create-admin.ts): created only when no user exists yet.
 */
export async function createFirstAdmin(
  deps: Pick<UserDeps, "users" | "secrets" | "ids" | "clock">,
  email: string,
  password: string,
): Promise<"created" | "users_exist"> {
  if (password.length < 12) throw invalid(["password"], "a password has at least 12 characters");
  if (await deps.users.any()) return "users_exist";
  const created = await deps.users.create({
    userId: deps.ids.uuid(),
    email: email.trim().toLowerCase(),
    role: "admin",
    passwordHash: await deps.secrets.hash(password),
    version: 0,
    createdAt: deps.clock.now().toISOString(),
  });
  return created ? "created" : "users_exist";
}

async function anotherActiveAdmin(deps: Pick<UserDeps, "users">, userId: string) {
  const others = (await deps.users.list()).filter((u) => u.role === "admin" && !u.disabled && u.userId !== userId);
  // The list is read from an index; the keeper's state is read again consistently before relying on it.
  for (const other of others) {
    const fresh = await deps.users.get(other.email);
    if (fresh && fresh.role === "admin" && !fresh.disabled) return { email: fresh.email, version: fresh.version };
  }
  return undefined;
}

/** Every store must exist; the unknown ones are named in the error's details. */
export async function requireStores(stores: StoreRepository, ids: string[]): Promise<void> {
  const found = await Promise.all(ids.map((id) => stores.get(id)));
  const missing = ids.flatMap((_id, i) => (found[i] ? [] : [i]));
  if (missing.length > 0) {
    throw new Invalid(
      "The body is not valid",
      missing.map((i) => ({ code: "custom", path: ["stores", i], message: `no store ${ids[i]}` })),
    );
  }
}

function invalid(path: (string | number)[], message: string): Invalid {
  return new Invalid("The body is not valid", [{ code: "custom", path, message }]);
}
