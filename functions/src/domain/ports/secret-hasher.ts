/** Slow hashes for passwords and PINs. */
export interface SecretHasher {
  hash(secret: string): Promise<string>;
  /** Checks a secret against a stored hash; a missing hash costs the same time and fails, so timing reveals nothing. */
  verify(secret: string, stored: string | undefined): Promise<boolean>;
}
