import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** Lints a snippet as if it were the named project file, returning the rule ids that fired. */
async function rulesFiredFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
}

describe('the layer rules', () => {
  it('refuse Node modules in src-shared', async () => {
    expect(await rulesFiredFor('src-shared/example.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toContain(
      'no-restricted-imports',
    );
    expect(
      await rulesFiredFor('src-shared/example.ts', "import path from 'path';\nexport const a = path;\n"),
    ).toContain('no-restricted-imports');
  });

  it('refuse DOM and Node globals in src-shared', async () => {
    expect(await rulesFiredFor('src-shared/example.ts', 'export const a = document.title;\n')).toContain(
      'no-restricted-globals',
    );
    expect(await rulesFiredFor('src-shared/example.ts', 'export const a = process.env;\n')).toContain(
      'no-restricted-globals',
    );
  });

  it('refuse electron outside the shell and the preload', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await rulesFiredFor('src-main/core.ts', code)).toContain('no-restricted-imports');
    expect(await rulesFiredFor('src-renderer/api.ts', code)).toContain('no-restricted-imports');
    expect(await rulesFiredFor('src-shared/example.ts', code)).toContain('no-restricted-imports');
    expect(await rulesFiredFor('src-main/electron/window.ts', code)).toEqual([]);
    expect(await rulesFiredFor('src-preload/index.ts', code)).toEqual([]);
  });

  it('refuse any npm package but zod in src-shared', async () => {
    expect(
      await rulesFiredFor('src-shared/example.ts', "import React from 'react';\nexport const a = React;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await rulesFiredFor('src-shared/example.ts', "import { Pool } from 'undici';\nexport const a = Pool;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await rulesFiredFor('src-shared/example.ts', "import { z } from 'zodiac';\nexport const a = z;\n"),
    ).toContain('no-restricted-imports');
  });

  it('refuse Node, the core and unlisted packages in the renderer', async () => {
    expect(
      await rulesFiredFor('src-renderer/example.ts', "import fs from 'node:fs';\nexport const a = fs;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await rulesFiredFor(
        'src-renderer/example.ts',
        "import { createCore } from '../src-main/core';\nexport const a = createCore;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await rulesFiredFor(
        'src-renderer/features/x/example.ts',
        "import { a } from '../../../src-preload/index';\nexport const b = a;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await rulesFiredFor('src-renderer/example.ts', "import { Pool } from 'undici';\nexport const a = Pool;\n"),
    ).toContain('no-restricted-imports');
  });

  it('let the renderer use its UI packages and src-shared', async () => {
    const code =
      "import { useState } from 'react';\nimport { EditorView } from '@codemirror/view';\nimport { methods } from '../src-shared/contract';\nexport const a = [useState, EditorView, methods];\n";
    expect(await rulesFiredFor('src-renderer/example.ts', code)).toEqual([]);
  });

  it('let src-shared use zod', async () => {
    expect(
      await rulesFiredFor('src-shared/example.ts', "import { z } from 'zod';\nexport const a = z.string();\n"),
    ).toEqual([]);
  });

  it('refuse the other layers in src-shared, the page in the core, and all but electron and src-shared in the preload', async () => {
    const importing = (from: string) => `import { a } from '${from}';\nexport const b = a;\n`;
    expect(await rulesFiredFor('src-shared/example.ts', importing('../src-main/core'))).toContain(
      'no-restricted-imports',
    );
    expect(await rulesFiredFor('src-shared/contract/example.ts', importing('../../src-renderer/api'))).toContain(
      'no-restricted-imports',
    );
    expect(await rulesFiredFor('src-main/example.ts', importing('../src-renderer/api'))).toContain(
      'no-restricted-imports',
    );
    expect(await rulesFiredFor('src-main/electron/example.ts', importing('../../src-preload/index'))).toContain(
      'no-restricted-imports',
    );
    expect(await rulesFiredFor('src-preload/example.ts', importing('node:fs'))).toContain('no-restricted-imports');
    expect(await rulesFiredFor('src-preload/example.ts', importing('zod'))).toContain('no-restricted-imports');
    expect(await rulesFiredFor('src-preload/example.ts', importing('../src-main/core'))).toContain(
      'no-restricted-imports',
    );
    expect(await rulesFiredFor('src-preload/example.ts', importing('../src-shared/contract'))).toEqual([]);
    expect(await rulesFiredFor('src-preload/example.ts', importing('electron'))).toEqual([]);
    expect(await rulesFiredFor('src-main/example.ts', importing('../src-shared/contract'))).toEqual([]);
  });
});
