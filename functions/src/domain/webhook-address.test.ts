import { describe, expect, it } from "vitest";
import { addressRefusal } from "./webhook-address.ts";
import { checkEndpointUrl } from "./webhook-endpoints.ts";

describe("where a webhook may go", () => {
  it.each([
    ["10.0.0.5", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.10", "private"],
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["169.254.169.254", "linkLocal"], // the instance metadata service
    ["169.254.170.2", "linkLocal"], // the container credentials endpoint
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["224.0.0.1", "multicast"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fc00::1", "uniqueLocal"],
    ["fd00:ec2::254", "uniqueLocal"], // the metadata service over IPv6
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"], // IPv4-mapped, dotted
    ["::ffff:7f00:1", "loopback"], // IPv4-mapped, hexadecimal
    ["::ffff:169.254.169.254", "linkLocal"],
    ["::ffff:10.1.2.3", "private"],
    ["[::ffff:a9fe:a9fe]", "linkLocal"], // bracketed as in a URL
    ["64:ff9b::a9fe:a9fe", "rfc6052"], // NAT64 of the metadata address
    ["2002:a9fe:a9fe::", "6to4"],
    ["2001:db8::1", "reserved"], // documentation
    ["example.com", "not-an-address"],
  ])("refuses %s (%s)", (address, range) => {
    expect(addressRefusal(address, false)).toBe(range);
  });

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("lets %s through", (address) => {
    expect(addressRefusal(address, false)).toBeUndefined();
  });

  it("allows loopback on the local stack only, and nothing else private there", () => {
    expect(addressRefusal("127.0.0.1", true)).toBeUndefined();
    expect(addressRefusal("::1", true)).toBeUndefined();
    expect(addressRefusal("::ffff:127.0.0.1", true)).toBeUndefined();
    expect(addressRefusal("10.0.0.5", true)).toBe("private");
    expect(addressRefusal("169.254.169.254", true)).toBe("linkLocal");
  });
});

describe("an endpoint's address", () => {
  const aws = { allowLoopback: false };
  const local = { allowLoopback: true };

  it("is https in AWS, and never an address literal of a private range, nor localhost", () => {
    for (const url of [
      "http://example.com/hook",
      "https://127.0.0.1/hook",
      "https://localhost/hook",
      "https://[::1]/hook",
      "https://10.0.0.5/hook",
      "https://2130706433/hook", // 127.0.0.1 written as a number: the URL parser makes it 127.0.0.1
      "https://0x7f.1/hook",
      "http://127.0.0.1:8080/hook",
    ]) {
      expect(() => checkEndpointUrl(url, aws), url).toThrow();
    }
    expect(() => checkEndpointUrl("https://hooks.example.com/sonrisa", aws)).not.toThrow();
    expect(() => checkEndpointUrl("https://93.184.215.14/sonrisa", aws)).not.toThrow();
  });

  it("may be plain http to 127.0.0.1 on the local stack, never to another host", () => {
    expect(() => checkEndpointUrl("http://127.0.0.1:8672/hook", local)).not.toThrow();
    expect(() => checkEndpointUrl("http://example.com/hook", local)).toThrow();
    expect(() => checkEndpointUrl("https://192.168.1.2/hook", local)).toThrow();
  });
});
