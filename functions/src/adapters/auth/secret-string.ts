/** Reads the string of a Secrets Manager secret (the auth key, the origin secret) with one client per process. */
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

let client: SecretsManagerClient | undefined;

/** The secret's current string; throws, naming `what`, when it is empty. */
export async function readSecretString(secretId: string, what: string): Promise<string> {
  client ??= new SecretsManagerClient({});
  const out = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!out.SecretString) throw new Error(`The ${what} is empty`);
  return out.SecretString;
}
