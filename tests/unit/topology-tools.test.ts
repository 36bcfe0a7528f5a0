// The parts of `npm run test:topology` whose failure would make that check lie: the TCP proxy must
// really cut (and restore) an instance's database connections, the cookie jar must drop a cookie
// the server clears, and a form must be posted with exactly the fields the page rendered.
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CookieJar, formFields } from "../../scripts/topology/http.ts";
import { startTcpProxy, type TcpProxy } from "../../scripts/topology/tcp-proxy.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function echoServer(): Promise<number> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return (server.address() as net.AddressInfo).port;
}

/** Connects, sends `text`, and resolves with what came back before the connection ended or went quiet. */
function exchange(port: number, text: string): Promise<{ reply: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let reply = "";
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply === text) {
        socket.destroy();
        resolve({ reply, closed: false });
      }
    });
    socket.on("error", () => undefined);
    socket.on("close", () => resolve({ reply, closed: true }));
    socket.on("connect", () => socket.write(text));
  });
}

async function proxyTo(targetPort: number): Promise<TcpProxy> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const listenPort = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const proxy = await startTcpProxy({ listenPort, targetHost: "127.0.0.1", targetPort });
  cleanups.push(() => proxy.close());
  return proxy;
}

describe("the topology test's TCP proxy", () => {
  it("passes bytes both ways, cuts open and new connections, and lets them through again after restore", async () => {
    const proxy = await proxyTo(await echoServer());
    expect(await exchange(proxy.port, "before")).toEqual({ reply: "before", closed: false });

    const open = net.connect(proxy.port, "127.0.0.1");
    open.on("error", () => undefined);
    await new Promise((resolve) => open.once("connect", resolve));
    const openClosed = new Promise((resolve) => open.once("close", resolve));
    proxy.cut();
    await openClosed;
    expect(open.destroyed).toBe(true);
    expect(await exchange(proxy.port, "during")).toEqual({ reply: "", closed: true });

    proxy.restore();
    expect(await exchange(proxy.port, "after")).toEqual({ reply: "after", closed: false });
  });
});

describe("the topology test's HTTP helpers", () => {
  it("keeps the cookies a response sets and drops one the server expires", () => {
    const jar = new CookieJar();
    const set = new Response(null, {
      headers: [
        ["set-cookie", "authjs.session-token=abc; Path=/; HttpOnly"],
        ["set-cookie", "authjs.csrf-token=xyz; Path=/"],
      ],
    });
    jar.absorb(set);
    expect(jar.hasSession()).toBe(true);
    expect(jar.header()).toBe("authjs.session-token=abc; authjs.csrf-token=xyz");
    const stolen = jar.clone();
    jar.absorb(
      new Response(null, {
        headers: [["set-cookie", "authjs.session-token=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"]],
      }),
    );
    expect(jar.hasSession()).toBe(false);
    expect(jar.header()).toBe("authjs.csrf-token=xyz");
    expect(stolen.hasSession()).toBe(true);
  });

  it("posts the fields of the form that holds the marker, with entities decoded", () => {
    const html = `<form action="/search"><input name="q" value="x"/><button>Search</button></form>
      <form action="" method="POST"><input type="hidden" name="$ACTION_REF_1"/>
      <input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;7f00&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/>
      <button type="submit">Sign out</button></form>`;
    const fields = formFields(html, "Sign out");
    expect([...fields.entries()]).toEqual([
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", '{"id":"7f00","bound":"$@1"}'],
    ]);
    expect(() => formFields(html, "Delete account")).toThrow('no form containing "Delete account"');
  });
});
