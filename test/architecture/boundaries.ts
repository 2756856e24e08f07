// The folder rules of docs/architecture.md, checked on the import specifiers of every source file: static imports and
// re-exports (type-only ones too), `import x = require()`, `require()`, `import()` and `import('…')` types.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  text: string;
}

export interface Violation {
  rule: RuleId;
  file: string;
  specifier: string;
}

export type RuleId = 'renderer-isolated' | 'shared-pure' | 'sqlite-in-store' | 'electron-in-shell' | 'features-independent' | 'testing-only-in-tests';

export const RULES: Record<RuleId, string> = {
  'renderer-isolated': 'renderer/ imports only renderer/, shared/ and browser packages: nothing from main/, electron or Node built-ins',
  'shared-pure': 'shared/ imports only shared/ and zod (its tests also vitest)',
  'sqlite-in-store': 'better-sqlite3 is imported only under main/store/ (and by the end-to-end tests in test/, which read what the app stored)',
  'electron-in-shell': 'electron is imported only under main/electron/',
  'features-independent': 'a renderer feature (renderer/src/features/X/) imports no other feature',
  'testing-only-in-tests': 'only test code imports from a testing/ folder',
};

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'];
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'release', 'test-results', 'playwright-report', '.git', '.cache']);
const NODE_BUILTINS = new Set(builtinModules);

/** Every source file under the root, skipping installed packages and build output. */
export function readSourceTree(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
      } else if (SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
        files.push({ path: path.relative(root, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

export function importSpecifiers(file: SourceFile): string[] {
  const kind = file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : /\.[cm]?js$/.test(file.path) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const literal = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push(node.text);
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) literal(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) literal(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** What a specifier points at: a file of this repository (its path from the root) or a package (its name). */
type Target = { repoPath: string } | { packageName: string; builtin: boolean };

function resolveTarget(from: string, specifier: string): Target {
  if (specifier.startsWith('.')) return { repoPath: path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)) };
  if (specifier.startsWith('node:')) return { packageName: specifier, builtin: true };
  const parts = specifier.split('/');
  const packageName = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
  return { packageName, builtin: NODE_BUILTINS.has(packageName) };
}

const under = (file: string, folder: string) => file === folder || file.startsWith(`${folder}/`);
// The benchmarks are a developer's harness like the tests (never packaged), so they may share the tests' helpers.
const isTestCode = (file: string) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) || under(file, 'test') || under(file, 'bench') || file.split('/').includes('testing');
const featureOf = (file: string) => /^renderer\/src\/features\/([^/]+)\//.exec(file)?.[1] ?? null;

function brokenRules(from: string, target: Target): RuleId[] {
  const broken: RuleId[] = [];
  const inRepo = 'repoPath' in target ? target.repoPath : null;
  const pkg = 'packageName' in target ? target : null;
  if (under(from, 'renderer') && ((inRepo && !under(inRepo, 'renderer') && !under(inRepo, 'shared')) || pkg?.builtin || pkg?.packageName === 'electron')) {
    broken.push('renderer-isolated');
  }
  if (under(from, 'shared')) {
    const allowedPackages = isTestCode(from) ? ['zod', 'vitest'] : ['zod'];
    if ((inRepo && !under(inRepo, 'shared')) || (pkg && !allowedPackages.includes(pkg.packageName))) broken.push('shared-pure');
  }
  if (pkg?.packageName === 'better-sqlite3' && !under(from, 'main/store') && !under(from, 'test')) broken.push('sqlite-in-store');
  if (pkg?.packageName === 'electron' && !under(from, 'main/electron')) broken.push('electron-in-shell');
  const fromFeature = featureOf(from);
  const toFeature = inRepo ? featureOf(inRepo) : null;
  if (fromFeature && toFeature && fromFeature !== toFeature) broken.push('features-independent');
  if (inRepo?.split('/').slice(0, -1).includes('testing') && !isTestCode(from)) broken.push('testing-only-in-tests');
  return broken;
}

export function checkBoundaries(files: SourceFile[]): Violation[] {
  return files.flatMap((file) =>
    importSpecifiers(file).flatMap((specifier) => brokenRules(file.path, resolveTarget(file.path, specifier)).map((rule) => ({ rule, file: file.path, specifier }))),
  );
}

export function formatViolation(v: Violation): string {
  return `${v.file}: '${v.specifier}' breaks ${v.rule} (${RULES[v.rule]})`;
}
