// Installs the peer-address hook (lib/net/peer-address-hook.ts), and starts the background
// workers inside the web server: the outbox worker (MAIL_WORKER=off when it runs on its own) and
// the bulk issuance worker. The work lives in lib/instrumentation-node.ts, imported only inside
// this NEXT_RUNTIME check, so the Edge build of this file leaves it out (and its process.exit).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNodeServer } = await import("@/lib/instrumentation-node");
    await registerNodeServer();
  }
}
