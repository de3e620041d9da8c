import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { anchorsOf, documentation, referencesOf, ROOT } from './markdown-documents';

/** Addresses outside the project (web pages, mail) are not checked here. */
const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

describe('docs: links and images', () => {
  for (const document of documentation()) {
    describe(document.name, () => {
      const references = referencesOf(document.text).filter((reference) => !EXTERNAL.test(reference.target));

      it('has relative links to check', () => {
        assert.ok(references.length > 0, `${document.name} links to nothing in the project`);
      });

      it('links and shows only files that exist, and headings that exist where it names one', () => {
        const broken: string[] = [];
        for (const { kind, target } of references) {
          const [filePart = '', anchor] = target.split('#', 2) as [string, string | undefined];
          const file = filePart === '' ? document.file : path.resolve(path.dirname(document.file), decodeURI(filePart));
          if (!file.startsWith(ROOT) || !existsSync(file)) {
            broken.push(`${kind} ${target}: no such file`);
            continue;
          }
          if (kind === 'image' && (anchor !== undefined || !statSync(file).isFile())) {
            broken.push(`${kind} ${target}: not an image file`);
            continue;
          }
          if (anchor === undefined) continue;
          if (!file.endsWith('.md')) {
            broken.push(`${kind} ${target}: an anchor into a file that has no headings`);
            continue;
          }
          const anchors = anchorsOf(file === document.file ? document.text : readFileSync(file, 'utf8'));
          if (!anchors.has(decodeURIComponent(anchor))) broken.push(`${kind} ${target}: no heading with that anchor`);
        }
        assert.deepEqual(broken, []);
      });
    });
  }

  it('reads headings as GitHub anchors them, so the check above can fail', () => {
    const anchors = anchorsOf(
      '# Zu- oder Absage\n\n## Auskunft (Art. 15 DSGVO): `meine daten`\n\n## Tests\n\n## Tests\n',
    );
    assert.deepEqual([...anchors], ['zu--oder-absage', 'auskunft-art-15-dsgvo-meine-daten', 'tests', 'tests-1']);
  });
});
