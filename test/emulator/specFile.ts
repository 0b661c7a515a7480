import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The contract lives in test/contract/openapi.yaml of the project. Found by
 * walking up from this file (works from tsx, from mocha and from an esbuild
 * bundle in out/) to the folder that holds package.json.
 */
export function findSpecPath(startDir: string = __dirname): string {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, 'test', 'contract', 'openapi.yaml');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`test/contract/openapi.yaml not found above ${startDir}; pass specPath`);
    }
    dir = parent;
  }
}
