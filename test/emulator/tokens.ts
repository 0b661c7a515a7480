import { randomBytes, randomUUID } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomBase62(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    // 248 = 4 * 62: reject the tail so every character is equally likely.
    if (bytes[i] < 248) {
      out += BASE62[bytes[i] % 62];
    }
  }
  return out.length === length ? out : out + randomBase62(length - out.length);
}

/** `alohi_pat_Ab…xyz`: safe to log and to show. */
export function tokenPreview(token: string): string {
  const m = /^(alohi_pat_)(.*)$/.exec(token);
  const prefix = m ? m[1] : '';
  const rest = m ? m[2] : token;
  return rest.length <= 6 ? `${prefix}…` : `${prefix}${rest.slice(0, 2)}…${rest.slice(-3)}`;
}

export interface PatRecord {
  kind: 'pat';
  id: string;
  token: string;
  name: string;
  scopes: string[];
  uid: string;
  createdMs: number;
  expiresMs: number;
  lastUsedMs?: number;
  revoked: boolean;
  demo: boolean;
}

export interface OAuthAccessRecord {
  kind: 'oauth';
  token: string;
  uid: string;
  clientId: string;
  expiresMs: number;
  revoked: boolean;
  /** The authorization code grant it descends from (revoked together on code reuse). */
  grantId: string;
}

export interface OAuthRefreshRecord {
  token: string;
  uid: string;
  clientId: string;
  grantId: string;
  used: boolean;
}

export interface OAuthCodeRecord {
  code: string;
  clientId: string;
  redirectUri: string;
  uid: string;
  expiresMs: number;
  used: boolean;
  grantId: string;
  /** PKCE (RFC 7636, S256 only): when the authorization request carried one, the exchange must prove it. */
  codeChallenge?: string;
}

export type TokenRecord = PatRecord | OAuthAccessRecord;

/** Every credential the emulator knows. */
export class TokenStore {
  readonly pats = new Map<string, PatRecord>();
  readonly access = new Map<string, OAuthAccessRecord>();
  readonly refresh = new Map<string, OAuthRefreshRecord>();
  readonly codes = new Map<string, OAuthCodeRecord>();

  issuePat(o: { scopes: string[]; uid: string; name: string; createdMs: number; expiresMs: number; demo?: boolean }): PatRecord {
    const rec: PatRecord = {
      kind: 'pat',
      id: randomUUID(),
      token: `alohi_pat_${randomBase62(40)}`,
      name: o.name,
      scopes: [...o.scopes],
      uid: o.uid,
      createdMs: o.createdMs,
      expiresMs: o.expiresMs,
      revoked: false,
      demo: o.demo ?? false,
    };
    this.pats.set(rec.token, rec);
    return rec;
  }

  lookup(token: string): TokenRecord | undefined {
    return this.pats.get(token) ?? this.access.get(token);
  }

  revoke(token: string): boolean {
    const rec = this.pats.get(token) ?? this.access.get(token);
    if (rec) {
      rec.revoked = true;
      return true;
    }
    const r = this.refresh.get(token);
    if (r) {
      r.used = true;
      return true;
    }
    return false;
  }

  revokeGrant(grantId: string): void {
    for (const a of this.access.values()) {
      if (a.grantId === grantId) {
        a.revoked = true;
      }
    }
    for (const r of this.refresh.values()) {
      if (r.grantId === grantId) {
        r.used = true;
      }
    }
  }

  /** Drop everything except demo PATs. */
  clear(): void {
    for (const [k, v] of this.pats) {
      if (!v.demo) {
        this.pats.delete(k);
      }
    }
    this.access.clear();
    this.refresh.clear();
    this.codes.clear();
  }
}
