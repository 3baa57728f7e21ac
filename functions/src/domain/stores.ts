/**
 * Stores: looking up the one a route names, what of a store the API shows, and the admin's use cases
 * (create, replace the settings, archive) with the consent versions they keep.
 */
import type { CreateStoreRequest, Store, StoreSettings, StoreText } from "@sonrisa/shared/schemas/store";
import { ConsentVersion } from "@sonrisa/shared/schemas/store";
import { Conflict, Invalid, NotFound } from "./errors.ts";
import type { Clock } from "./ports/clock.ts";
import type { Principal } from "./ports/principal.ts";
import type { StoreRecord, StoreRepository } from "./ports/store-repository.ts";
import type { TextHasher } from "./ports/text-hasher.ts";

export async function requireStore(stores: StoreRepository, storeId: string | undefined): Promise<StoreRecord> {
  const store = storeId ? await stores.get(storeId) : undefined;
  if (!store) throw new NotFound(`No store ${storeId ?? ""}`);
  return store;
}

/** A store as the API shows it: everything but the hash of its staff PIN. */
export function publicStore({ staffPinHash: _hidden, ...store }: StoreRecord): Store {
  return store;
}

/** The stores a caller may see in lists: a manager its own, everyone else who may list them all of them. */
export function visibleTo<S extends { storeId: string }>(auth: Principal | undefined, stores: S[]): S[] {
  if (auth?.role !== "manager") return stores;
  const mine = new Set(auth.stores ?? []);
  return stores.filter((s) => mine.has(s.storeId));
}

export interface StoreAdminDeps {
  stores: StoreRepository;
  hasher: TextHasher;
  clock: Clock;
}

/** POST /v1/stores: a new store and its first consent version; 409 when the id is taken. */
export async function createStore(deps: StoreAdminDeps, auth: Principal, request: CreateStoreRequest): Promise<Store> {
  const { id, ...settings } = request;
  const store: StoreRecord = { storeId: id, ...settings };
  const consent = consentVersionOf(deps.clock.now(), auth, deps.hasher, id, settings);
  if (!(await deps.stores.create(store, consent))) {
    throw new Conflict(`A store with the id ${id} exists already`);
  }
  return publicStore(store);
}

/**
 * PUT /v1/stores/{storeId}: replaces every setting. A consent version, once kept, names one exact text:
 * changing the text needs a new version, and the versions shown before are all kept.
 */
export async function replaceStoreSettings(
  deps: StoreAdminDeps,
  auth: Principal,
  storeId: string | undefined,
  settings: StoreSettings,
): Promise<Store> {
  const current = await requireStore(deps.stores, storeId);
  const newConsents: ConsentVersion[] = [];
  const wanted = settings.consent;
  const kept = await deps.stores.consentVersion(current.storeId, wanted.version);
  // A store from before versions were kept has its current version only on its profile.
  const known = kept?.text ?? (wanted.version === current.consent.version ? current.consent.text : undefined);
  if (known && !sameText(known, wanted.text)) throw consentChanged(wanted.version);
  const now = deps.clock.now();
  if (wanted.version !== current.consent.version) {
    const previous = await deps.stores.consentVersion(current.storeId, current.consent.version);
    // Kept a millisecond before the new one, so the list's order says which came first.
    const before = new Date(now.getTime() - 1);
    if (!previous) newConsents.push(consentVersionOf(before, auth, deps.hasher, current.storeId, current));
  }
  if (!kept) newConsents.push(consentVersionOf(now, auth, deps.hasher, current.storeId, settings));
  const outcome = await deps.stores.replaceSettings(current.storeId, settings, newConsents);
  if (outcome === "missing") throw new NotFound(`No store ${current.storeId}`);
  if (outcome === "consent-taken") {
    throw new Conflict("Someone saved this consent version at the same moment; reload and try again");
  }
  return publicStore({ ...settings, storeId: current.storeId, archivedAt: current.archivedAt });
}

/** POST /v1/stores/{storeId}/archive: hidden from kiosks and rankings from now on; answers and results stay. */
export async function archiveStore(deps: StoreAdminDeps, storeId: string | undefined): Promise<Store> {
  await requireStore(deps.stores, storeId);
  const archived = await deps.stores.archive(storeId!, deps.clock.now().toISOString());
  if (!archived) throw new NotFound(`No store ${storeId}`);
  return publicStore(archived);
}

/** GET /v1/stores/{storeId}/consents: every consent version the store showed, oldest first. */
export async function listConsentVersions(deps: Pick<StoreAdminDeps, "stores">, storeId: string | undefined) {
  const store = await requireStore(deps.stores, storeId);
  const versions = await deps.stores.consentVersions(store.storeId);
  return versions.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.version.localeCompare(b.version));
}

/** The consent version a store's settings show, with the SHA-256 of each language's exact text. */
export function consentVersionOf(
  at: Date,
  auth: Pick<Principal, "sub">,
  hasher: TextHasher,
  storeId: string,
  settings: Pick<StoreSettings, "consent">,
): ConsentVersion {
  const { version, text } = settings.consent;
  const sha256 = Object.fromEntries(
    Object.entries(text).flatMap(([lang, words]) => (words === undefined ? [] : [[lang, hasher.sha256(words)]])),
  );
  return ConsentVersion.parse({ storeId, version, text, sha256, createdAt: at.toISOString(), createdBy: auth.sub });
}

function sameText(a: StoreText, b: StoreText): boolean {
  return a.es === b.es && a.en === b.en;
}

function consentChanged(version: string): Invalid {
  return new Invalid("The body is not valid", [
    {
      code: "custom",
      path: ["consent", "text"],
      message: `consent version ${version} is kept with other words: changing the text needs a new version`,
      params: { problem: "consent_changed" },
    },
  ]);
}
