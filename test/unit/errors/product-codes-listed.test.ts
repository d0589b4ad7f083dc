import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupProductCode } from '../../../src-shared/errors';

const root = path.resolve(__dirname, '../../..');

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('the product error codes', () => {
  it('every code the code returns has an explainer entry', () => {
    const pattern = /fail(?:<[^>]*>)?\(\s*'([A-Z][A-Z0-9_]+)'|\bcode: '([A-Z][A-Z0-9_]+)'/g;
    const used = new Set<string>();
    for (const folder of ['src-main', 'src-shared', 'src-renderer', 'src-preload']) {
      for (const file of sourceFiles(path.join(root, folder))) {
        for (const match of fs.readFileSync(file, 'utf8').matchAll(pattern)) used.add((match[1] ?? match[2])!);
      }
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((code) => lookupProductCode(code) === undefined)).toEqual([]);
  });
});
