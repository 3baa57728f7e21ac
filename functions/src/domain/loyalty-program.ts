/**
 * The loyalty programme: read and replaced as a whole by admin and marketing, each change kept as a revision
 * (who, when, before and after). The joining consent is versioned: a version's text, once saved, never changes
 * (a new text needs a new version), and its SHA-256 goes into every grant made with it.
 */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type {
  KioskLoyalty,
  LoyaltyConsent,
  LoyaltyProgram,
  LoyaltyProgramView,
  LoyaltyRevision,
} from "@sonrisa/shared/schemas/loyalty";
import { Conflict, Invalid } from "./errors.ts";
import type { Clock } from "./ports/clock.ts";
import type { Ids } from "./ports/ids.ts";
import type { LoyaltyConsentVersion, LoyaltyProgramRepository } from "./ports/loyalty-program-repository.ts";
import type { Principal } from "./ports/principal.ts";
import type { TextHasher } from "./ports/text-hasher.ts";

export interface ProgramDeps {
  program: LoyaltyProgramRepository;
  hasher: TextHasher;
  clock: Clock;
  ids: Ids;
}

/** Revisions shown with the programme. */
export const REVISIONS_SHOWN = 20;
const MAX_ATTEMPTS = 3;

/** What an organisation that never saved a programme sees: disabled, one tier to start from. */
export const DEFAULT_PROGRAM: LoyaltyProgram = {
  enabled: false,
  tiers: [{ stamps: 5, gift: { name: { es: "Un café gratis", en: "A free coffee" } } }],
  expiryMonths: 12,
  consent: {
    version: "1",
    text: {
      es: "Quiero unirme al club: guardad mi teléfono o correo para mi tarjeta de sellos. Puedo darme de baja cuando quiera.",
      en: "I want to join the club: keep my phone or e-mail for my stamp card. I can leave at any time.",
    },
  },
  purchaseEarnsStamp: false,
};

/** GET /v1/loyalty-program */
export async function programView(deps: Pick<ProgramDeps, "program">): Promise<LoyaltyProgramView> {
  const [state, revisions] = await Promise.all([deps.program.get(), deps.program.revisions(REVISIONS_SHOWN)]);
  return state
    ? { program: state.program, saved: true, updatedAt: state.updatedAt, updatedBy: state.updatedBy, revisions }
    : { program: DEFAULT_PROGRAM, saved: false, revisions };
}

/** The programme while it is enabled; undefined when it is off or was never saved. */
export async function activeProgram(deps: Pick<ProgramDeps, "program">): Promise<LoyaltyProgram | undefined> {
  const state = await deps.program.get();
  return state?.program.enabled ? state.program : undefined;
}

/** What a kiosk gets of the programme (absent while it is off). */
export function kioskLoyalty(program: LoyaltyProgram | undefined): KioskLoyalty | undefined {
  return program ? { consent: program.consent, tiers: program.tiers } : undefined;
}

/** PUT /v1/loyalty-program: saves the programme; saving the same programme again writes no revision. */
export async function replaceProgram(
  deps: ProgramDeps,
  auth: Principal,
  program: LoyaltyProgram,
): Promise<LoyaltyProgramView> {
  await recordConsentVersion(deps, program.consent);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await deps.program.get();
    if (current && canonical(current.program) === canonical(program)) return programView(deps);
    const revision: LoyaltyRevision = {
      id: deps.ids.uuid(),
      at: deps.clock.now().toISOString(),
      by: auth.sub,
      before: current?.program ?? null,
      after: program,
    };
    if (await deps.program.replace(program, current?.version ?? 0, revision)) return programView(deps);
  }
  throw new Conflict("The programme kept changing while saving; reload it and try again");
}

/** Keeps the consent text of its version for good; the same version with another text is refused. */
async function recordConsentVersion(deps: ProgramDeps, consent: LoyaltyConsent): Promise<void> {
  const langs = Object.keys(consent.text) as Lang[];
  const wanted: LoyaltyConsentVersion = {
    version: consent.version,
    text: consent.text,
    sha256: Object.fromEntries(langs.map((l) => [l, deps.hasher.sha256(consent.text[l])])) as Record<Lang, string>,
  };
  const saved = (await deps.program.consentVersion(consent.version)) ?? (await addOrRead(deps, wanted));
  if (langs.some((l) => saved.text[l] !== consent.text[l])) {
    throw new Invalid("The body is not valid", [
      {
        code: "custom",
        path: ["consent", "version"],
        message: `version ${consent.version} was saved with another text: give the new text a new version`,
      },
    ]);
  }
}

async function addOrRead(deps: ProgramDeps, wanted: LoyaltyConsentVersion): Promise<LoyaltyConsentVersion> {
  if (await deps.program.addConsentVersion(wanted)) return wanted;
  return (await deps.program.consentVersion(wanted.version)) ?? wanted;
}

/** JSON with object keys sorted, so a programme read back from the table compares equal to the same one sent. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
