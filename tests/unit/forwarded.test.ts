import { describe, expect, it } from "vitest";
import { clientAddressOf, normaliseAddress } from "@/lib/forwarded";

describe("the client address", () => {
  it("is the socket address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("198.51.100.4", undefined, 0)).toBe("198.51.100.4");
    expect(clientAddressOf("198.51.100.4", "203.0.113.66", 0)).toBe("198.51.100.4");
    expect(clientAddressOf("::ffff:127.0.0.1", "10.0.0.1, 10.0.0.2", 0)).toBe("127.0.0.1");
  });

  it("is the entry the nearest trusted proxy wrote, never one the client put before it", () => {
    // The client sent "1.2.3.4"; the one proxy (socket 10.0.0.5) appended what it saw.
    expect(clientAddressOf("10.0.0.5", "1.2.3.4, 198.51.100.4", 1)).toBe("198.51.100.4");
    expect(clientAddressOf("10.0.0.5", ["1.2.3.4", "198.51.100.4"], 1)).toBe("198.51.100.4");
    // Two proxies: the outer one appended the client, the inner one appended the outer one.
    expect(clientAddressOf("10.0.0.6", "1.2.3.4, 198.51.100.4, 10.0.0.5", 2)).toBe("198.51.100.4");
  });

  it("falls back to the first entry of a chain shorter than the trusted hops", () => {
    expect(clientAddressOf("10.0.0.5", undefined, 1)).toBe("10.0.0.5");
    expect(clientAddressOf("10.0.0.6", "198.51.100.4", 3)).toBe("198.51.100.4");
  });

  it.each([
    ["198.51.100.4:5123", "198.51.100.4"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["2001:DB8::1", "2001:db8::1"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["not-an-address", "unknown"],
    ["<script>", "unknown"],
    ["", "unknown"],
    [undefined, "unknown"],
  ])("writes %j as %j", (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });
});
