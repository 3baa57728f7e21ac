/** Signs the tokens of unsubscribe and tracked links (HMAC); a token names a message, never a person. */

export interface LinkSigner {
  /** `payload` is ASCII without dots' meaning: the token is `<payload>.<signature>`, URL-safe. */
  sign(payload: string): Promise<string>;
  /** The payload of a token signed by us, or undefined for a forged or altered one. */
  verify(token: string): Promise<string | undefined>;
}
