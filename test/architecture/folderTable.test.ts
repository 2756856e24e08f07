import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const ARCHITECTURE = path.join(ROOT, 'docs', 'architecture.md');
const DOCUMENTED_PARENTS = ['main', 'renderer/src'];

/** The folders named (as `code`) in the first column of the table under "## Folders". */
function foldersInTable(markdown: string): string[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Folders\n'));
  if (!section) throw new Error('docs/architecture.md has no "## Folders" section');
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => (m[1] as string).replace(/\/$/, '')));
}

const subfolders = (parent: string) =>
  fs
    .readdirSync(path.join(ROOT, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${parent}/${entry.name}`);

describe("docs/architecture.md's folder table", () => {
  const listed = foldersInTable(fs.readFileSync(ARCHITECTURE, 'utf8'));

  it('names every folder under main/ and renderer/src/', () => {
    const missing = DOCUMENTED_PARENTS.flatMap(subfolders).filter((folder) => !listed.includes(folder));
    expect(missing.map((folder) => `${folder}/ is missing from the folder table of docs/architecture.md`)).toEqual([]);
  });

  it('names only folders that exist', () => {
    const gone = listed.filter((folder) => !fs.existsSync(path.join(ROOT, folder)));
    expect(gone.map((folder) => `${folder}/ is in the folder table of docs/architecture.md but not in the tree`)).toEqual([]);
  });
});
