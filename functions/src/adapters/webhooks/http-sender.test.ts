import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWebhookSender, type Resolve } from "./http-sender.ts";

const request = (url: string) => ({ url, headers: { "webhook-id": "msg_test" }, body: "{}", timeoutMs: 2_000 });

let hits = 0;
let port = 0;
const server = createServer((_req, res) => {
  hits++;
  res.writeHead(204).end();
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A resolver that answers `addresses` for every name, and what it was asked. */
function fakeResolve(...addresses: string[]): Resolve & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (host: string) => {
    asked.push(host);
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { asked });
}

describe("the webhook sender (SSRF)", () => {
  it("refuses a name that resolves to a private address, before connecting", async () => {
    const resolve = fakeResolve("10.1.2.3");
    const sender = makeWebhookSender({ allowLoopback: false, resolve });
    const result = await sender.send(request("https://hooks.example.com/x"));
    expect(result.outcome).toBe("refused_address");
    expect(resolve.asked).toEqual(["hooks.example.com"]);
  });

  it("refuses a name when any of its addresses is refused (public and metadata mixed)", async () => {
    const sender = makeWebhookSender({
      allowLoopback: false,
      resolve: fakeResolve("93.184.215.14", "169.254.169.254"),
    });
    expect((await sender.send(request("https://hooks.example.com/x"))).outcome).toBe("refused_address");
  });

  it("refuses a name resolving to an IPv4-mapped loopback or the IPv6 metadata address", async () => {
    for (const address of ["::ffff:127.0.0.1", "fd00:ec2::254", "::1"]) {
      const sender = makeWebhookSender({ allowLoopback: false, resolve: fakeResolve(address) });
      expect((await sender.send(request("https://hooks.example.com/x"))).outcome, address).toBe("refused_address");
    }
  });

  it("refuses loopback literals and plain http outside the local stack, without a request", async () => {
    const sender = makeWebhookSender({ allowLoopback: false, resolve: fakeResolve() });
    const before = hits;
    expect((await sender.send(request(`http://127.0.0.1:${port}/x`))).outcome).toBe("refused_address");
    expect((await sender.send(request(`https://127.0.0.1:${port}/x`))).outcome).toBe("refused_address");
    expect((await sender.send(request(`https://[::ffff:127.0.0.1]:${port}/x`))).outcome).toBe("refused_address");
    expect(hits).toBe(before);
  });

  it("connects to the address it checked, not to a second answer of the resolver (DNS rebinding)", async () => {
    let calls = 0;
    const rebinding: Resolve = async () => {
      calls++;
      return [{ address: calls === 1 ? "127.0.0.1" : "10.9.9.9", family: 4 }];
    };
    const sender = makeWebhookSender({ allowLoopback: true, resolve: rebinding });
    const result = await sender.send(request(`http://receiver.test:${port}/x`));
    expect(result).toMatchObject({ outcome: "answered", status: 204 });
    expect(calls).toBe(1);
  });

  it("posts to 127.0.0.1 over plain http on the local stack", async () => {
    const sender = makeWebhookSender({ allowLoopback: true });
    const before = hits;
    expect(await sender.send(request(`http://127.0.0.1:${port}/x`))).toMatchObject({
      outcome: "answered",
      status: 204,
    });
    expect(hits).toBe(before + 1);
  });

  it("reports a connection that nobody answers", async () => {
    const sender = makeWebhookSender({ allowLoopback: true });
    expect((await sender.send(request("http://127.0.0.1:9/x"))).outcome).toBe("connection");
  });
});
