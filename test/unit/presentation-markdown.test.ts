// Text from files and vaults in hovers and tooltips: it can only ever render as the characters it was given
// (src/presentation/markdown.ts). The e2e suite security-markdown.test.ts checks the same in VS Code.
import * as assert from 'node:assert/strict';
import { mdCode, mdCommandLink, mdText, mdUrl, mdWebLink, oneLine } from '../../src/presentation/markdown';

const hostile = [
  '[x](command:workbench.action.openSettings)',
  '![p](https://attacker.example/p.png)',
  '<img src="https://attacker.example/p.png">',
  '&#91;x&#93;(command:workbench.action.openSettings)',
  'https://attacker.example/p www.attacker.example a@attacker.example',
  '**bold** _em_ ~~del~~ `code` # heading | table |',
  'a`[x](command:workbench.action.openSettings)`b',
  '$(check) verified',
];

/** What CommonMark shows for escaped text: each backslash escape is its character. */
const shown = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
/** The markdown with every escaped character removed: what could still be syntax. */
const unescaped = (markdown: string) => markdown.replace(/\\[!-/:-@[-`{-~]/g, '');

describe('markdown from files and vaults (pure)', () => {
  it('mdText: every markdown character is escaped, and the text reads as given', () => {
    for (const text of hostile) {
      const md = mdText(text);
      assert.equal(shown(md), text, md);
      assert.doesNotMatch(unescaped(md), /[\\`*_~[\]!<>&$|:.@]/, `nothing that means markdown inside a line stays bare: ${md}`);
    }
    assert.equal(mdText('[x](command:workbench.action.openSettings)'), '\\[x\\](command\\:workbench\\.action\\.openSettings)');
    assert.equal(mdText('![p](https://attacker.example/p.png)'), '\\!\\[p\\](https\\://attacker\\.example/p\\.png)');
    assert.equal(mdText('<img src="https://attacker.example/h.png">'), '\\<img src="https\\://attacker\\.example/h\\.png"\\>');
    assert.equal(mdText('team=refs, env=text/plain'), 'team=refs, env=text/plain', 'plain metadata stays readable');
  });

  it('mdText keeps a theme icon escape VS Code honours: \\$(name), not \\$\\(name\\)', () => {
    assert.equal(mdText('$(check) ok'), '\\$(check) ok');
  });

  it('line breaks become spaces; control and bidi characters become U+FFFD', () => {
    assert.equal(oneLine('a\nb\r\nc\td\u2028e'), 'a b c d e');
    assert.equal(oneLine('ab\u202ecd\u0000\u001b[31m\u0085'), 'ab\uFFFDcd\uFFFD\uFFFD[31m\uFFFD');
    assert.equal(mdText('x\n\n# Heading\n===\n    code'), 'x  # Heading ===     code', 'nothing starts a line');
  });

  it('mdCode: a code span for names, versions and URLs; anything that could be markdown as escaped text', () => {
    assert.equal(mdCode('canary-secret'), '`canary-secret`');
    assert.equal(mdCode('ca000000000000000000000000000001'), '`ca000000000000000000000000000001`');
    assert.equal(mdCode('https://kv.vault.azure.net/secrets/a/1'), '`https://kv.vault.azure.net/secrets/a/1`');
    for (const text of ['a`[x](command:workbench.action.openSettings)`b', '[x](command:workbench.action.openSettings)', '![p](https://attacker.example/p.png)', '$(check)', ' lead', '', 'a\nb', 'a&amp;b']) {
      assert.equal(mdCode(text), mdText(text), text);
    }
  });

  it('mdUrl: nothing from a name ends the destination, adds a title or renders an icon', () => {
    const url = mdUrl('https://portal.azure.com/#@t/asset/Microsoft_Azure_KeyVault/Secret/https://kv/secrets/a) "t" <b> $(x)');
    assert.equal(url, 'https://portal.azure.com/#@t/asset/Microsoft_Azure_KeyVault/Secret/https://kv/secrets/a%29%20%22t%22%20%3Cb%3E%20%24%28x%29');
    assert.equal(mdUrl('https://x/\ud800'), 'https://x/%EF%BF%BD', 'a lone surrogate does not throw');
  });

  it('mdCommandLink: our command, our arguments, fully encoded (no parenthesis to end the link)', () => {
    const link = mdCommandLink('Copy value', 'azureKeyVault.copyReferencedValue', [{ name: "a)b'(c*!" }]);
    assert.equal(link, '[Copy value](command:azureKeyVault.copyReferencedValue?%5B%7B%22name%22%3A%22a%29b%27%28c%2A%21%22%7D%5D)');
    assert.deepEqual(JSON.parse(decodeURIComponent(/\?(.*)\)$/.exec(link)![1]!)), [{ name: "a)b'(c*!" }]);
  });

  it('mdWebLink: https only; any other scheme is shown as the label, not linked', () => {
    assert.equal(mdWebLink('Open in portal', 'https://portal.azure.com/#@/x'), '[Open in portal](https://portal.azure.com/#@/x)');
    assert.equal(mdWebLink('Open in portal', 'command:workbench.action.openSettings'), 'Open in portal');
    assert.equal(mdWebLink('Open in portal', 'javascript:alert(1)'), 'Open in portal');
  });
});
