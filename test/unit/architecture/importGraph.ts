// Reads the import graph of src/ from the source text (TypeScript's own pre-processor,
// so comments and strings never count), for the layering tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const SRC = path.resolve(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every import of every file under src/: relative ones resolved to a path under src/, packages by name. */
export function importsOfSrc(): readonly SrcImport[] {
  return (cached ??= readImports());
}

export interface SrcImport {
  readonly file: string;
  readonly specifier: string;
  readonly target?: string;
}

let cached: readonly SrcImport[] | undefined;

function readImports(): SrcImport[] {
  return sourceFiles(SRC).flatMap((file) => {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    return info.importedFiles.map(({ fileName: specifier }) => {
      const rel = path.relative(SRC, file).split(path.sep).join('/');
      if (!specifier.startsWith('.')) return { file: rel, specifier };
      const target = path
        .relative(SRC, path.resolve(path.dirname(file), specifier))
        .split(path.sep)
        .join('/');
      return { file: rel, specifier, target };
    });
  });
}

/** The top-level folder of a path under src/ (`extension.ts` and other root files count as "(root)"). */
export function folderOf(relPath: string): string {
  const parts = relPath.split('/');
  return parts.length > 1 ? parts[0] : '(root)';
}

/** Folder-to-folder edges, each with one example file import that causes it. */
export function folderEdges(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const imp of importsOfSrc()) {
    if (imp.target === undefined) continue;
    const from = folderOf(imp.file);
    const to = folderOf(imp.target);
    if (from === to) continue;
    const out = edges.get(from) ?? new Map<string, string>();
    if (!out.has(to)) out.set(to, `${imp.file} → ${imp.target}`);
    edges.set(from, out);
  }
  return edges;
}

/** Strongly connected components with more than one folder (Tarjan): each is a folder cycle. */
export function folderCycles(edges: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const nodes = new Set<string>([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])]);
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return cycles;
}
