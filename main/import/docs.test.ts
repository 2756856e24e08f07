import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '../../shared/imports';
import { appRoot } from '../paths';
import { IMPORT_FIELDS } from './fields';

describe('docs/import.md', () => {
  const doc = fs.readFileSync(path.join(appRoot, 'docs', 'import.md'), 'utf8');

  it('documents every column of every template, with its Chinese header and whether it is required', () => {
    for (const kind of IMPORT_KINDS) {
      const section = doc.slice(doc.indexOf(`(\`--kind ${kind}\`)`));
      for (const field of IMPORT_FIELDS[kind]) {
        expect(section, `${kind}.${field.key}`).toContain(`| \`${field.header}\` | ${field.headerZh} | ${field.required ? 'yes' : 'no'} |`);
      }
    }
  });
});
