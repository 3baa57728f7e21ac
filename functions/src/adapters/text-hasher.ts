/** SHA-256 from Node's crypto. */
import { createHash } from "node:crypto";
import type { TextHasher } from "../domain/ports/text-hasher.ts";

export const sha256Hasher: TextHasher = {
  sha256: (text) => createHash("sha256").update(text, "utf8").digest("hex"),
};
