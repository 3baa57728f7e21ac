/** Checks that a Java runtime new enough for DynamoDB Local (17+) is on the PATH, with install advice when not. */
import { execFile } from "node:child_process";

const MINIMUM = 17;

const advice =
  `Java ${MINIMUM} or newer is needed for DynamoDB Local: ` +
  "on Debian/Ubuntu `sudo apt-get install openjdk-17-jre-headless`, " +
  "on Fedora `sudo dnf install java-17-openjdk-headless`, " +
  "on macOS `brew install openjdk@17` (then put it on your PATH as brew explains), " +
  "on Windows `winget install Microsoft.OpenJDK.17`. " +
  "Check with `java -version`.";

/** Major version from `java -version` output: `"17.0.15"` → 17, legacy `"1.8.0_392"` → 8. */
export function parseJavaMajor(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

let checked: Promise<void> | undefined;

/** Resolves when `java -version` reports 17 or newer; otherwise rejects with what to install. Checked once per process. */
export function assertJava(): Promise<void> {
  checked ??= new Promise<void>((resolve, reject) => {
    execFile("java", ["-version"], { timeout: 20_000 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
        reject(new Error(`No \`java\` on the PATH. ${advice}`));
        return;
      }
      const major = parseJavaMajor(`${stderr}\n${stdout}`);
      if (error || major === undefined) {
        reject(new Error(`\`java -version\` did not work (${(error?.message ?? stderr).trim()}). ${advice}`));
      } else if (major < MINIMUM) {
        reject(new Error(`Found Java ${major}. ${advice}`));
      } else {
        resolve();
      }
    });
  });
  checked.catch(() => {
    checked = undefined;
  });
  return checked;
}
