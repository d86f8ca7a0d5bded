/**
 * Workflow code runs in Temporal's deterministic sandbox and is replayed, so
 * it may only reach `@temporalio/workflow` (and the pure `@temporalio/common`),
 * other workflow files and `domain/`. `domain/` is imported by workflows, so it
 * must stay pure too. Type-only imports are erased and always allowed.
 * This reads each file's import statements with the TypeScript parser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportProblem {
  file: string;
  specifier: string;
  reason: string;
}

const RULES = {
  workflows: { packages: ['@temporalio/workflow', '@temporalio/common'], folders: ['workflows', 'domain'] },
  domain: { packages: ['zod'], folders: ['domain'] },
} as const;

/** Value imports of one file: `import type` / `export type` are skipped, `import()` and `require()` are not. */
export function valueImports(source: string, fileName = 'file.ts'): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        found.push(node.arguments[0].text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

export function checkFile(root: string, file: string, source: string): ImportProblem[] {
  const area = relative(root, file).split(sep)[0] as keyof typeof RULES;
  const rule = RULES[area];
  if (!rule) return [];
  const problems: ImportProblem[] = [];
  for (const specifier of valueImports(source, file)) {
    const rel = relative(root, file);
    if (specifier.startsWith('.')) {
      const target = relative(root, resolve(dirname(file), specifier)).split(sep)[0] ?? '';
      if (!(rule.folders as readonly string[]).includes(target)) {
        problems.push({ file: rel, specifier, reason: `${area}/ may import only from ${rule.folders.join('/ and ')}/ (use \`import type\` for types)` });
      }
    } else if (!(rule.packages as readonly string[]).includes(specifier)) {
      problems.push({ file: rel, specifier, reason: `${area}/ may not import ${specifier}: allowed packages are ${rule.packages.join(', ')}` });
    }
  }
  return problems;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

export function checkTree(root: string): ImportProblem[] {
  return Object.keys(RULES).flatMap((area) =>
    tsFiles(join(root, area)).flatMap((file) => checkFile(root, file, readFileSync(file, 'utf8'))));
}
