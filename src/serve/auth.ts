/**
 * Who may use the server.
 *
 * - No token (only allowed on a loopback address, see app.ts): every request
 *   must name a loopback host in `Host`, so a web page elsewhere cannot reach
 *   the local server through DNS rebinding.
 * - With a token: the API needs `Authorization: Bearer <token>` or the session
 *   cookie the page gets once from POST /api/session. The cookie holds an HMAC
 *   of the token (not the token), HttpOnly + SameSite=Strict (+ Secure behind
 *   HTTPS), so page scripts cannot read it and other sites cannot send it.
 * Comparisons are constant-time over equal-length digests.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";

export const SESSION_COOKIE = "rc_session";
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The host name of a `Host` header without its port (`[::1]:8080` → `[::1]`). */
export function hostName(header: string | undefined): string {
  if (!header) return "";
  const h = header.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  const colon = h.lastIndexOf(":");
  return colon >= 0 ? h.slice(0, colon) : h;
}

const digest = (s: string): Buffer => createHash("sha256").update(s).digest();
const same = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

export class Auth {
  readonly session: string | null;
  constructor(readonly token: string | null) {
    this.session = token ? createHmac("sha256", token).update("report-check session v1").digest("base64url") : null;
  }

  get required(): boolean {
    return this.token !== null;
  }

  tokenMatches(given: string): boolean {
    return this.token !== null && same(given, this.token);
  }

  allows(request: FastifyRequest): boolean {
    if (!this.token || !this.session) return true;
    const header = request.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(.+)$/i.exec(header.trim());
      return !!m && this.tokenMatches(m[1]!);
    }
    const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
    return cookie !== null && same(cookie, this.session);
  }

  cookie(secure: boolean): string {
    return `${SESSION_COOKIE}=${this.session ?? ""}; Path=/; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}; Max-Age=${30 * 24 * 3600}`;
  }
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
