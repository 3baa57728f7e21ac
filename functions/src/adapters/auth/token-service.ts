/** Signs and verifies scoped bearer tokens (HS256 via jose). The key is local (AUTH_KEY) or a Secrets Manager secret. */
import type { Role } from "@sonrisa/shared/schemas/common";
import { jwtVerify, SignJWT } from "jose";
import type { Config } from "../../config.ts";
import { readSecretString } from "./secret-string.ts";

export interface Principal {
  role: Role;
  /** e-mail for users, device id for devices, `staff:<storeId>` for staff */
  sub: string;
  storeId?: string;
}

export interface IssuedToken {
  token: string;
  expiresAt: string;
}

export interface TokenService {
  issue(principal: Principal, ttlSeconds: number): Promise<IssuedToken>;
  /** Returns undefined for a missing, forged or expired token. */
  verify(token: string): Promise<Principal | undefined>;
}

export const TOKEN_TTL = { user: 12 * 3600, staff: 12 * 3600, device: 400 * 86400 } as const;
const ISSUER = "sonrisa";

export function makeTokenService(config: Pick<Config, "AUTH_KEY" | "AUTH_SECRET_ARN">): TokenService {
  let key: Promise<Uint8Array> | undefined;
  const getKey = () => {
    key ??= loadKey(config).catch((err) => {
      key = undefined;
      throw err;
    });
    return key;
  };
  return {
    async issue(principal, ttlSeconds) {
      const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
      const claims = principal.storeId
        ? { role: principal.role, storeId: principal.storeId }
        : { role: principal.role };
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(principal.sub)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(await getKey());
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, await getKey(), { issuer: ISSUER, algorithms: ["HS256"] });
        const role = payload.role as Role | undefined;
        if (!role || !payload.sub) return undefined;
        const storeId = typeof payload.storeId === "string" ? payload.storeId : undefined;
        return storeId ? { role, sub: payload.sub, storeId } : { role, sub: payload.sub };
      } catch {
        return undefined;
      }
    },
  };
}

async function loadKey(config: Pick<Config, "AUTH_KEY" | "AUTH_SECRET_ARN">): Promise<Uint8Array> {
  if (config.AUTH_KEY) return new Uint8Array(Buffer.from(config.AUTH_KEY, "base64"));
  return new TextEncoder().encode(await readSecretString(config.AUTH_SECRET_ARN ?? "", "auth secret"));
}
