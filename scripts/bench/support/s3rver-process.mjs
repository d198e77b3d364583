// One s3rver (an S3-compatible server from npm, dev dependency) in its own process, for
// full-disk-store.ts. Settings from the environment: S3RVER_DIRECTORY, S3RVER_PORT (0: any free
// port), S3RVER_BUCKET. Prints one line {"port":N} once it listens. With S3RVER_EXIT_WITH_PARENT=on it
// also ends when its stdin closes (the process that started it ended, even killed).
//
// s3rver 3.7.1 answers a write that hits a full disk with 500 InternalError and then throws the
// same ENOSPC again from a file stream nobody listens to, which would end the process. A real
// store stays up when its disk is full, so this process keeps running after that one error.
import S3rver from "s3rver";

const { S3RVER_DIRECTORY: directory, S3RVER_PORT: port = "0", S3RVER_BUCKET: bucket } = process.env;
if (!directory || !bucket) {
  console.error("s3rver-process: S3RVER_DIRECTORY and S3RVER_BUCKET are required");
  process.exit(2);
}

process.on("uncaughtException", (error) => {
  if (error && (error.code === "ENOSPC" || error.code === "EFBIG")) return;
  console.error(error);
  process.exit(1);
});

const server = new S3rver({
  address: "127.0.0.1",
  port: Number(port),
  silent: true,
  directory,
  configureBuckets: [{ name: bucket, configs: [] }],
});
const address = await server.run();
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
const stop = () => void server.close().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
if (process.env.S3RVER_EXIT_WITH_PARENT === "on") {
  process.stdin.on("end", stop);
  process.stdin.resume();
}
