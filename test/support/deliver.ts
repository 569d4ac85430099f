import { createHmac, randomUUID } from "node:crypto";

/**
 * Deliver a webhook the way GitHub does: POST the JSON body with `x-github-event`,
 * `x-github-delivery` and `x-hub-signature-256` (HMAC-SHA256 of the exact body bytes with the
 * webhook secret). `signature: false` sends none; a string sends that value (forgeries).
 */

export interface Delivery {
  /** Full URL of the webhook endpoint, e.g. http://127.0.0.1:PORT/api/github/webhooks */
  url: string;
  event: string;
  payload: unknown;
  secret: string;
  id?: string;
  signature?: false | string;
  /** Send this body instead of JSON.stringify(payload) (still signed unless told otherwise). */
  rawBody?: string;
}

export interface DeliveryResult {
  status: number;
  body: string;
  /** Wall time from sending to the response's end, in ms. */
  ms: number;
  id: string;
}

export function sign(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

export async function deliver(d: Delivery): Promise<DeliveryResult> {
  const body = d.rawBody ?? JSON.stringify(d.payload);
  const id = d.id ?? randomUUID();
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "GitHub-Hookshot/fake",
    "x-github-event": d.event,
    "x-github-delivery": id,
    "x-github-hook-id": "1",
    "x-github-hook-installation-target-type": "integration",
  };
  if (d.signature !== false) headers["x-hub-signature-256"] = d.signature ?? sign(d.secret, body);
  const started = performance.now();
  const res = await fetch(d.url, { method: "POST", headers, body });
  const text = await res.text();
  return { status: res.status, body: text, ms: performance.now() - started, id };
}
