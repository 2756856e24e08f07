import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBoundaries, formatViolation, importSpecifiers, readSourceTree, type RuleId, type SourceFile } from './boundaries';

const ROOT = path.resolve(__dirname, '..', '..');

describe('folder boundaries', () => {
  const tree = readSourceTree(ROOT);
  const violations = checkBoundaries(tree);

  it('reads the whole tree', () => {
    for (const folder of ['main/', 'renderer/src/', 'shared/', 'test/']) expect(tree.some((f) => f.path.startsWith(folder)), folder).toBe(true);
    expect(tree.some((f) => f.path.startsWith('node_modules/') || f.path.startsWith('dist/'))).toBe(false);
  });

  it('hold in the real tree', () => {
    expect(violations.map(formatViolation)).toEqual([]);
  });
});

describe('the boundary checker', () => {
  it('finds every form of import: static, type-only, re-export, import = require, require, import() and import types', () => {
    const file = {
      path: 'main/x.ts',
      text: [
        "import a from 'a';",
        "import type { B } from './b';",
        "export * from '../c';",
        "export { d } from 'd/sub';",
        "import e = require('e');",
        "const f = require('f');",
        "const g = await import('./g');",
        "let h: import('h').H;",
        "import './side-effect';",
        'const notAnImport = `require("x")`;',
      ].join('\n'),
    };
    expect(importSpecifiers(file)).toEqual(['a', './b', '../c', 'd/sub', 'e', 'f', './g', 'h', './side-effect']);
  });

  const forbidden: Array<[RuleId, SourceFile]> = [
    ['renderer-isolated', { path: 'renderer/src/app/App.tsx', text: "import { openDatabase } from '../../../main/store/db';" }],
    ['renderer-isolated', { path: 'renderer/src/api/client.ts', text: "import { ipcRenderer } from 'electron';" }],
    ['renderer-isolated', { path: 'renderer/src/api/useApi.ts', text: "import fs from 'node:fs';" }],
    ['renderer-isolated', { path: 'renderer/src/i18n/I18n.tsx', text: "const path = require('path');" }],
    ['shared-pure', { path: 'shared/format.ts', text: "import fs from 'node:fs';" }],
    ['shared-pure', { path: 'shared/time.ts', text: "import React from 'react';" }],
    ['shared-pure', { path: 'shared/api/channels.ts', text: "import type { Db } from '../../main/store/db';" }],
    ['sqlite-in-store', { path: 'main/api/handlers.ts', text: "import type { Database } from 'better-sqlite3';" }],
    ['electron-in-shell', { path: 'main/launcher/start.ts', text: "const electron = await import('electron');" }],
    ['testing-only-in-tests', { path: 'main/cli/index.ts', text: "import { makeTempDir } from '../testing/tempDir';" }],
    ['testing-only-in-tests', { path: 'main/api/handlers.ts', text: "export { makeTempDir } from '../testing/tempDir';" }],
  ];

  it.each(forbidden)('reports %s for %o', (rule, file) => {
    expect(checkBoundaries([file]).map((v) => v.rule)).toContain(rule);
  });

  it('accepts the imports the rules allow', () => {
    const allowed: SourceFile[] = [
      { path: 'renderer/src/features/dispatch/board.ts', text: "import { parseLocal } from '../../../../shared/time';\nimport { x } from './usePlanEditor';\nimport maplibre from 'maplibre-gl';" },
      { path: 'shared/network.ts', text: "import { z } from 'zod';\nimport type { LngLat } from './domain';" },
      { path: 'shared/time.test.ts', text: "import { describe } from 'vitest';" },
      { path: 'main/store/db.ts', text: "import BetterSqlite3 from 'better-sqlite3';\nimport fs from 'node:fs';" },
      { path: 'main/electron/main.ts', text: "import { app } from 'electron';\nimport { coreHost } from '../api/coreHost';" },
      { path: 'main/cli/cli.test.ts', text: "import { makeTempDir } from '../testing/tempDir';" },
      { path: 'bench/run.ts', text: "import { makeTempDir } from '../main/testing/tempDir';" },
      { path: 'main/testing/builtWorkers.ts', text: "import { makeTempDir } from './tempDir';" },
      { path: 'test/e2e/data.spec.ts', text: "import BetterSqlite3 from 'better-sqlite3';\nimport { findElectron } from '../../main/launcher/electronBinary';" },
    ];
    expect(checkBoundaries(allowed).map(formatViolation)).toEqual([]);
  });
});
