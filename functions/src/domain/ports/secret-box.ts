/** Secrets the server must read back (webhook signing secrets), sealed at rest with a key of its own. */
export interface SecretBox {
  seal(plain: string): Promise<string>;
  /** Throws when the sealed text was altered or sealed with another key. */
  open(sealed: string): Promise<string>;
}
