/**
 * Fax.Plus PAT scope rules (docs/ARCHITECTURE.md, "Scopes"). An operation lists the scopes that the
 * documentation says permit it; a token is allowed when any of its scopes
 * permits the operation under these rules:
 *  - `fax:all:edit` permits everything, `fax:all:read` every read;
 *  - within a group, `edit` includes `read`;
 *  - upload is documented as `fax:file:edit`, but `fax:fax:edit` covers files;
 *  - the help centre's misspelling `fax:use:read` means `fax:user:read`;
 *  - OAuth2 tokens carry the single scope `all`, which permits everything;
 *  - `any` marks operations every valid token may call (`GET /auth/token`).
 */

export type Scope = string;

export const ANY_SCOPE = 'any';
const OAUTH_ALL = 'all';
const ALL_EDIT = 'fax:all:edit';
const ALL_READ = 'fax:all:read';

/** Known spelling mistakes of real scope names, mapped to the real name. */
const SCOPE_ALIASES: Readonly<Record<string, Scope>> = {
  'fax:use:read': 'fax:user:read',
  'fax:use:edit': 'fax:user:edit',
};

/** Documented scopes that are covered by another scope in practice. */
const COVERED_BY: Readonly<Record<string, readonly Scope[]>> = {
  'fax:file:edit': ['fax:fax:edit'],
  'fax:file:read': ['fax:fax:read', 'fax:fax:edit'],
};

interface ParsedScope {
  readonly group: string;
  readonly access: 'read' | 'edit';
}

function parse(scope: Scope): ParsedScope | undefined {
  const m = /^fax:([a-z_]+):(read|edit)$/.exec(scope);
  return m ? { group: m[1], access: m[2] as 'read' | 'edit' } : undefined;
}

export function normalizeScope(scope: Scope): Scope {
  const trimmed = scope.trim().toLowerCase();
  return SCOPE_ALIASES[trimmed] ?? trimmed;
}

/** True when `held` alone permits an operation whose permitted list contains `required`. */
function scopeCovers(held: Scope, required: Scope): boolean {
  if (held === OAUTH_ALL || held === ALL_EDIT) {
    return true;
  }
  if (held === required) {
    return true;
  }
  const need = parse(required);
  const have = parse(held);
  if (!need || !have) {
    return false;
  }
  if (held === ALL_READ) {
    return need.access === 'read';
  }
  if (have.group === need.group) {
    return have.access === 'edit' || need.access === 'read';
  }
  return (COVERED_BY[required] ?? []).includes(held);
}

/** Whether a token holding `tokenScopes` may call an operation permitted by `permitted`. */
export function isPermitted(tokenScopes: readonly Scope[], permitted: readonly Scope[]): boolean {
  if (permitted.includes(ANY_SCOPE)) {
    return true;
  }
  const held = tokenScopes.map(normalizeScope);
  return permitted.some((required) => held.some((h) => scopeCovers(h, normalizeScope(required))));
}

/**
 * The narrowest scopes that would permit an operation, for messages such as
 * "needs fax:fax:edit". Broad `fax:all:*` scopes come last.
 */
export function scopesThatPermit(permitted: readonly Scope[]): Scope[] {
  const result: Scope[] = [];
  const add = (s: Scope) => {
    if (!result.includes(s)) {
      result.push(s);
    }
  };
  const specific = permitted.filter((s) => s !== ALL_READ && s !== ALL_EDIT && s !== ANY_SCOPE);
  for (const s of specific) {
    for (const cover of COVERED_BY[s] ?? []) {
      add(cover);
    }
    if (!COVERED_BY[s]) {
      add(s);
    }
  }
  for (const s of permitted) {
    if (s === ALL_READ || s === ALL_EDIT) {
      add(s);
    }
  }
  return result;
}

/** Scopes from `before` that `after` no longer grants anything equivalent for (used when rotating a token). */
export function scopesLost(before: readonly Scope[], after: readonly Scope[]): Scope[] {
  return before.map(normalizeScope).filter((s) => !isPermitted(after, [s]));
}
