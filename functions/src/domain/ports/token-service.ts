/** Signs and verifies scoped bearer tokens. */
import type { Principal } from "./principal.ts";

export interface IssuedToken {
  token: string;
  expiresAt: string;
}

export interface TokenService {
  issue(principal: Principal, ttlSeconds: number): Promise<IssuedToken>;
  /** Returns undefined for a missing, forged or expired token. */
  verify(token: string): Promise<Principal | undefined>;
}
