/**
 * Where a webhook may go (SSRF): only public unicast addresses. Private, loopback, link-local (the instance
 * metadata service at 169.254.169.254 and fd00:ec2::254 included), unique-local, carrier-grade NAT, multicast,
 * reserved and documentation ranges, and IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4, Teredo) are
 * refused; an IPv4-mapped IPv6 address is judged as the IPv4 address it maps. On the local stack loopback is allowed,
 * so tests can run a receiver. The sender checks every address a host resolves to, at each send.
 */
import ipaddr from "ipaddr.js";

/** Why an address is refused (its range), or undefined when a webhook may go there. */
export function addressRefusal(address: string, allowLoopback: boolean): string | undefined {
  const text = address.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(text)) return "not-an-address";
  let ip = ipaddr.parse(text);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  if (range === "unicast") return undefined;
  if (range === "loopback" && allowLoopback) return undefined;
  return range;
}

/** Whether a URL's host is written as an IP address rather than a name. */
export function isAddressLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname.replace(/^\[|\]$/g, ""));
}
