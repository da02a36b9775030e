import * as assert from 'node:assert/strict';
import { extensionForLanguage, languageForSecret, suggestContentType } from '../../src/platform/documents/language';

describe('secret value language (pure)', () => {
  const known = new Set(['json', 'xml', 'yaml', 'plaintext', 'shellscript', 'properties', 'ini']);

  it('follows the content type', () => {
    assert.equal(languageForSecret('application/json', 'x', known), 'json');
    assert.equal(languageForSecret('application/vnd.microsoft.appconfig.keyvaultref+json;charset=utf-8', 'x', known), 'json');
    assert.equal(languageForSecret('application/xml', 'x', known), 'xml');
    assert.equal(languageForSecret('application/x-yaml', 'x', known), 'yaml');
    assert.equal(languageForSecret('text/plain', '{"a":1}', known), 'plaintext');
  });

  it('falls back to plain text for a mode VS Code lacks (pem)', () => {
    assert.equal(languageForSecret('application/x-pem-file', '-----BEGIN CERTIFICATE-----', known), 'plaintext');
    assert.equal(languageForSecret('application/x-pem-file', '', new Set([...known, 'pem'])), 'pem');
  });

  it('sniffs JSON, PEM and XML when there is no content type', () => {
    assert.equal(languageForSecret(undefined, ' {"beta": true}', known), 'json');
    assert.equal(languageForSecret(undefined, '{not json', known), 'plaintext');
    assert.equal(languageForSecret(undefined, '-----BEGIN PRIVATE KEY-----\nMII', known), 'plaintext');
    assert.equal(languageForSecret(undefined, '<?xml version="1.0"?><a/>', known), 'xml');
    assert.equal(languageForSecret(undefined, 'hunter2', known), 'plaintext');
  });

  it('suggests content types and file extensions', () => {
    assert.equal(suggestContentType('[1,2]'), 'application/json');
    assert.equal(suggestContentType('-----BEGIN CERTIFICATE-----'), 'application/x-pem-file');
    assert.equal(suggestContentType('plain'), undefined);
    assert.equal(extensionForLanguage('json'), '.json');
    assert.equal(extensionForLanguage('plaintext'), '');
  });
});
