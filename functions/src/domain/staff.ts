/**
 * A store's staff PIN (set and rotated by an admin or the store's manager; rotation ends every staff session
 * of the store) and its named staff members, each with a PIN of their own so hand-overs name a real person.
 */
import { MAX_STAFF_MEMBERS, type StaffList, type StaffMember } from "@sonrisa/shared/schemas/staff";
import { Conflict, Invalid, NotFound } from "./errors.ts";
import type { Clock } from "./ports/clock.ts";
import type { Ids } from "./ports/ids.ts";
import type { SecretHasher } from "./ports/secret-hasher.ts";
import type { StaffMemberRecord, StaffRepository } from "./ports/staff-repository.ts";
import type { StoreRecord, StoreRepository } from "./ports/store-repository.ts";
import { requireStore } from "./stores.ts";

export interface StaffDeps {
  stores: StoreRepository;
  staff: StaffRepository;
  secrets: SecretHasher;
  clock: Clock;
  ids: Ids;
}

export async function listStaff(deps: StaffDeps, storeId: string | undefined): Promise<StaffList> {
  const store = await requireStore(deps.stores, storeId);
  const [pin, members] = await Promise.all([deps.staff.pin(store.storeId), deps.staff.members(store.storeId)]);
  return {
    storeId: store.storeId,
    pin: {
      set: Boolean(pin.pinHash ?? store.staffPinHash),
      minDigits: pin.minDigits,
      ...(pin.updatedAt ? { updatedAt: pin.updatedAt } : {}),
    },
    members: members.map(publicMember).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Sets or rotates the store PIN; the version bump makes every staff token of the store stale at once. */
export async function setStaffPin(
  deps: StaffDeps,
  storeId: string | undefined,
  pin: string,
  minDigits: number | undefined,
): Promise<StaffList> {
  const store = await requireStore(deps.stores, storeId);
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await deps.staff.pin(store.storeId);
    const floor = minDigits ?? current.minDigits;
    if (pin.length < floor) throw invalid(["pin"], `this store's PINs have at least ${floor} digits`);
    await refuseTaken(deps, store, pin, undefined);
    const saved = await deps.staff.setPin(
      store.storeId,
      { pinHash: await deps.secrets.hash(pin), minDigits: floor, updatedAt: deps.clock.now().toISOString() },
      current.version,
    );
    if (saved) return listStaff(deps, store.storeId);
  }
  throw new Conflict("The PIN changed meanwhile: try again");
}

export async function addStaffMember(
  deps: StaffDeps,
  storeId: string | undefined,
  name: string,
  pin: string,
): Promise<StaffMember> {
  const store = await requireStore(deps.stores, storeId);
  const [current, members] = await Promise.all([deps.staff.pin(store.storeId), deps.staff.members(store.storeId)]);
  if (members.length >= MAX_STAFF_MEMBERS) {
    throw new Conflict(`A store has at most ${MAX_STAFF_MEMBERS} named staff members`, "too_many_members");
  }
  if (pin.length < current.minDigits) {
    throw invalid(["pin"], `this store's PINs have at least ${current.minDigits} digits`);
  }
  await refuseTaken(deps, store, pin, members);
  const member: StaffMemberRecord = {
    storeId: store.storeId,
    staffId: deps.ids.uuid().slice(0, 8),
    name,
    pinHash: await deps.secrets.hash(pin),
    createdAt: deps.clock.now().toISOString(),
  };
  if (!(await deps.staff.addMember(member))) throw new Conflict("Could not add the member: try again");
  return publicMember(member);
}

/** Removing a member ends their sessions: their tokens are checked against the member on every request. */
export async function removeStaffMember(deps: StaffDeps, storeId: string | undefined, staffId: string) {
  const store = await requireStore(deps.stores, storeId);
  if (!(await deps.staff.removeMember(store.storeId, staffId))) throw new NotFound(`No staff member ${staffId}`);
}

/**
 * A PIN names one person at sign-in, so it may not be the store PIN or another member's. (Telling the
 * admin or manager that a PIN is taken reveals only what they could set themselves.)
 */
async function refuseTaken(
  deps: StaffDeps,
  store: StoreRecord,
  pin: string,
  members: StaffMemberRecord[] | undefined,
): Promise<void> {
  const current = await deps.staff.pin(store.storeId);
  const hashes = members
    ? [current.pinHash ?? store.staffPinHash, ...members.map((m) => m.pinHash)]
    : (await deps.staff.members(store.storeId)).map((m) => m.pinHash);
  const taken = await Promise.all(hashes.filter(Boolean).map((h) => deps.secrets.verify(pin, h)));
  if (taken.includes(true)) throw new Conflict("This PIN is already in use in this store: choose another", "pin_taken");
}

function publicMember(m: StaffMemberRecord): StaffMember {
  return { staffId: m.staffId, name: m.name, createdAt: m.createdAt };
}

function invalid(path: string[], message: string): Invalid {
  return new Invalid("The body is not valid", [{ code: "custom", path, message }]);
}
