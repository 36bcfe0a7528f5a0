// A TCP proxy in front of PostgreSQL, one per app instance, so the topology test can take one
// instance's database away (as a network partition or a failed connection pool would) while the
// other instance and the shared server carry on.
import net from "node:net";

export type TcpProxy = {
  port: number;
  /** Drops every open connection and refuses new ones until restore(). */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
};

export async function startTcpProxy(options: {
  listenPort: number;
  targetHost: string;
  targetPort: number;
}): Promise<TcpProxy> {
  let cut = false;
  const open = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
  };

  const server = net.createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(options.targetPort, options.targetHost);
    track(client);
    track(upstream);
    // An error on either side ends both: the app sees a broken connection, as it would for real.
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.listenPort, "127.0.0.1", () => resolve());
  });

  return {
    port: options.listenPort,
    cut() {
      cut = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      cut = false;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
