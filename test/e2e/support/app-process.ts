import { startAppServer } from "./app-server.js";

/**
 * One App instance in a process of its own (`node --import tsx app-process.ts`), for the several-instance
 * load run: the App's server against the fake GitHub of the driver process (over HTTP), with REDIS_URL
 * (and REDIS_LOCK_LEASE_MS) in its environment when the instances share a Redis. It prints one JSON line
 * with its URL when it listens, then one line per error the App logs.
 */

const fakeUrl = process.env.FAKE_GITHUB_URL;
if (!fakeUrl) throw new Error("FAKE_GITHUB_URL is not set");
const app = await startAppServer(
  { url: fakeUrl, appId: Number(process.env.FAKE_APP_ID), appSlug: process.env.FAKE_APP_SLUG ?? "" },
  {
    knownIdentity: true,
    ...(process.env.REDIS_URL && !process.env.THROTTLE_PER_PROCESS ? { redisUrl: process.env.REDIS_URL } : {}),
  },
);
process.stdout.write(`${JSON.stringify({ url: app.url })}\n`);
let reported = 0;
setInterval(() => {
  for (const e of app.errors.slice(reported)) process.stdout.write(`${JSON.stringify({ error: e })}\n`);
  reported = app.errors.length;
}, 50);
process.once("SIGTERM", () => {
  for (const e of app.errors.slice(reported)) process.stdout.write(`${JSON.stringify({ error: e })}\n`);
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
