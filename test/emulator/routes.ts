import * as fs from 'node:fs';
import { parse } from 'yaml';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** One operation of the contract, with what the emulator needs to route and authorize it. */
export interface SpecRoute {
  readonly operationId: string;
  readonly method: string; // upper case
  readonly template: string; // e.g. /accounts/{user_id}/faxes
  readonly permittedScopes: readonly string[];
  match(pathname: string): Record<string, string> | undefined;
  /** Literal segments count, so /accounts/self/member-details/{x} wins over templated routes. */
  readonly specificity: number;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, unknown>;
}

export function loadSpec(specPath: string): OpenApiDocument {
  return parse(fs.readFileSync(specPath, 'utf8')) as OpenApiDocument;
}

export function routesFromSpec(doc: OpenApiDocument): SpecRoute[] {
  const routes: SpecRoute[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as { operationId?: string; 'x-permitted-scopes'?: string[] } | undefined;
      if (!op) {
        continue;
      }
      if (!op.operationId || !op['x-permitted-scopes']) {
        throw new Error(`${method.toUpperCase()} ${template} lacks operationId or x-permitted-scopes`);
      }
      routes.push(makeRoute(op.operationId, method.toUpperCase(), template, op['x-permitted-scopes']));
    }
  }
  return routes.sort((a, b) => b.specificity - a.specificity);
}

function makeRoute(operationId: string, method: string, template: string, permittedScopes: string[]): SpecRoute {
  const parts = template.split('/').filter(Boolean);
  const names = parts.map((p) => /^\{(.+)\}$/.exec(p)?.[1]);
  return {
    operationId,
    method,
    template,
    permittedScopes,
    specificity: names.filter((n) => n === undefined).length,
    match(pathname) {
      const segs = pathname.split('/').filter(Boolean);
      if (segs.length !== parts.length) {
        return undefined;
      }
      const params: Record<string, string> = {};
      for (let i = 0; i < parts.length; i++) {
        let seg: string;
        try {
          seg = decodeURIComponent(segs[i]);
        } catch {
          return undefined;
        }
        const name = names[i];
        if (name === undefined) {
          if (seg !== parts[i]) {
            return undefined;
          }
        } else {
          params[name] = seg;
        }
      }
      return params;
    },
  };
}
