/** Signs and verifies scoped bearer tokens (HS256 via jose). The key is local (AUTH_KEY) or a Secrets Manager secret. */
import type { Role } from "@sonrisa/shared/schemas/common";
import { jwtVerify, SignJWT } from "jose";
import type { Config } from "../../config.ts";
import type { Clock } from "../../domain/ports/clock.ts";
import type { TokenService } from "../../domain/ports/token-service.ts";
import { readSecretString } from "./secret-string.ts";

const ISSUER = "sonrisa";

export function makeTokenService(config: Pick<Config, "AUTH_KEY" | "AUTH_SECRET_ARN">, clock: Clock): TokenService {
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
      const now = clock.now();
      const exp = Math.floor(now.getTime() / 1000) + ttlSeconds;
      const claims = {
        role: principal.role,
        ...(principal.storeId ? { storeId: principal.storeId } : {}),
        ...(principal.stores ? { stores: principal.stores } : {}),
        ...(principal.sv !== undefined ? { sv: principal.sv } : {}),
        ...(principal.staffId ? { staffId: principal.staffId } : {}),
      };
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(principal.sub)
        .setIssuer(ISSUER)
        .setIssuedAt(now)
        .setExpirationTime(exp)
        .sign(await getKey());
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, await getKey(), {
          issuer: ISSUER,
          algorithms: ["HS256"],
          currentDate: clock.now(),
        });
        const role = payload.role as Role | undefined;
        if (!role || !payload.sub) return undefined;
        const storeId = typeof payload.storeId === "string" ? payload.storeId : undefined;
        const stores = Array.isArray(payload.stores) ? payload.stores.filter((s) => typeof s === "string") : undefined;
        const sv = typeof payload.sv === "number" ? payload.sv : undefined;
        const staffId = typeof payload.staffId === "string" ? payload.staffId : undefined;
        return {
          role,
          sub: payload.sub,
          ...(storeId ? { storeId } : {}),
          ...(stores ? { stores } : {}),
          ...(sv !== undefined ? { sv } : {}),
          ...(staffId ? { staffId } : {}),
        };
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
