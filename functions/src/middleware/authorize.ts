/**
 * Checks the bearer token against the route's roles; store-scoped tokens (staff, device) only reach their
 * own store, and a manager only the stores in its token. Routes without a store in the path that managers
 * may call (lists, all-store results) filter by `auth.stores` in their use case.
 */
import type { MiddlewareObj } from "@middy/core";
import type { Route } from "@sonrisa/shared/routes";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { Forbidden, Unauthorized } from "../domain/errors.ts";
import type { Principal } from "../domain/ports/principal.ts";
import type { TokenService } from "../domain/ports/token-service.ts";

export type AuthedEvent = APIGatewayProxyEventV2 & { auth?: Principal };

/**
 * `isCurrent` tells whether the token's session still holds (the user not changed or disabled, the store
 * PIN not rotated): a token that verifies but whose session ended is a 401.
 */
export function authorize(
  route: Route,
  tokens: () => TokenService,
  isCurrent: (principal: Principal) => Promise<boolean> = async () => true,
): MiddlewareObj<AuthedEvent> {
  return {
    before: async (request) => {
      if (route.roles.length === 0) return;
      const header = request.event.headers?.authorization ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new Unauthorized("Send a bearer token");
      const principal = await tokens().verify(match[1]);
      if (!principal) throw new Unauthorized("The token is invalid or expired");
      if (!(await isCurrent(principal))) throw new Unauthorized("This session has ended: sign in again");
      if (!route.roles.includes(principal.role)) throw new Forbidden();
      const storeId = request.event.pathParameters?.storeId;
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
