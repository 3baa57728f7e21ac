/**
 * Checks the bearer token against the route's roles; store-scoped tokens (staff, device) only reach their
 * own store, and a manager only the stores in its token. Routes without a store in the path that managers
 * may call (lists, all-store results) filter by `auth.stores` in their use case.
 *
 * An integration key (`sik_…`) is a principal of its own: it reaches only routes whose `permission` it has,
 * and only its stores (a store in the path here; a store in the body in the use case, `assertKeyReaches`).
 */
import type { MiddlewareObj } from "@middy/core";
import type { Route } from "@sonrisa/shared/routes";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { Forbidden, Unauthorized } from "../domain/errors.ts";
import { looksLikeIntegrationKey } from "../domain/integration-keys.ts";
import type { Principal } from "../domain/ports/principal.ts";
import type { TokenService } from "../domain/ports/token-service.ts";

export type AuthedEvent = APIGatewayProxyEventV2 & { auth?: Principal };

/** Checks an integration key for the request (throttled per client): its principal, or a 401/429 thrown. */
export type KeyCheck = (key: string, event: APIGatewayProxyEventV2) => Promise<Principal>;

const noKeys: KeyCheck = async () => {
  throw new Unauthorized("The key is not valid");
};

/**
 * `isCurrent` tells whether the token's session still holds (the user not changed or disabled, the store
 * PIN not rotated): a token that verifies but whose session ended is a 401.
 */
export function authorize(
  route: Route,
  tokens: () => TokenService,
  isCurrent: (principal: Principal) => Promise<boolean> = async () => true,
  checkKey: KeyCheck = noKeys,
): MiddlewareObj<AuthedEvent> {
  return {
    before: async (request) => {
      if (route.roles.length === 0 && !route.permission) return;
      const header = request.event.headers?.authorization ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new Unauthorized("Send a bearer token");
      const storeId = request.event.pathParameters?.storeId;
      if (looksLikeIntegrationKey(match[1])) {
        const principal = await checkKey(match[1], request.event);
        if (!route.permission) throw new Forbidden("An integration key cannot call this route");
        if (!principal.key?.permissions.includes(route.permission)) {
          throw new Forbidden(`This key lacks the permission ${route.permission}`);
        }
        const stores = principal.key.stores;
        if (storeId && stores !== "all" && !stores.includes(storeId)) {
          throw new Forbidden(`This key does not reach store ${storeId}`);
        }
        request.event.auth = principal;
        return;
      }
      const principal = await tokens().verify(match[1]);
      if (!principal || principal.role === "integration") throw new Unauthorized("The token is invalid or expired");
      if (!(await isCurrent(principal))) throw new Unauthorized("This session has ended: sign in again");
      if (!route.roles.includes(principal.role)) throw new Forbidden();
      if (principal.storeId && storeId && storeId !== principal.storeId) {
        throw new Forbidden("This token belongs to another store");
      }
      if (principal.role === "manager" && storeId && !principal.stores?.includes(storeId)) {
        throw new Forbidden("This store is not one of yours");
      }
      request.event.auth = principal;
    },
  };
}
