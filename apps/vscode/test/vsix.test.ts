/** The .vsix the build produces: the files VS Code needs, and nothing from the sources or node_modules. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';

const VSIX = resolve(import.meta.dirname, '../dist/sellguard.vsix');

function entries(path: string): Promise<string[]> {
  return new Promise((done, fail) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return fail(err);
      const names: string[] = [];
      zip.on('entry', (e: { fileName: string }) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => done(names));
      zip.on('error', fail);
      zip.readEntry();
    });
  });
}

describe('the packaged VS Code extension', () => {
  it('contains the manifest, the bundled client, the grammar, the language configuration and the snippets', async () => {
    expect((await entries(VSIX)).sort()).toEqual(
      [
        '[Content_Types].xml',
        'extension.vsixmanifest',
        'extension/dist/extension.cjs',
        'extension/language-configuration.json',
        'extension/package.json',
        'extension/readme.md',
        'extension/snippets/sellguard.json',
        'extension/syntaxes/sellguard.tmLanguage.json',
      ].sort(),
    );
  });
});
