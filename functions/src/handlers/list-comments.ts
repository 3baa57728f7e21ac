/** GET /v1/stores/{storeId}/comments?from&to&cursor: comments of a store, newest first, 50 a page. */
import { CommentsQuery } from "@sonrisa/shared/schemas/results";
import { type CommentsDeps, listComments } from "../domain/comments.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: CommentsDeps): Main<undefined, CommentsQuery> {
  return async ({ params, query }) => json(200, await listComments(deps, params.storeId, query));
}

export const handler = httpApi("list-comments", { query: CommentsQuery }, wired(makeMain));
