/** Random UUIDs (v4) from Node's crypto. */
import { randomUUID } from "node:crypto";
import type { Ids } from "../domain/ports/ids.ts";

export const randomIds: Ids = { uuid: () => randomUUID() };
