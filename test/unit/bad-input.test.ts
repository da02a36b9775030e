// Every input a user types or picks a file for, with its invalid values and the EXACT message each gets (before
// any request). Each case is recorded (test/reliability/recorder.ts) into the bad-input block of
// docs/RELIABILITY.md, so the table there is what this run observed. The checks are the pure functions the
// prompts run live (validateInput) and again after the prompt (a scripted or pasted answer gets the same message).
import * as assert from 'node:assert/strict';
import { checkSubject, checkValidityMonths, parseDnsNames, parsePolicyJson } from '../../src/azure/certificatePolicy';
import { checkDuration, validateRotationPolicy } from '../../src/azure/keyRotation';
import type { RotationPolicy } from '../../src/azure/keyModel';
import {
  certificateFileFormat, checkCertificateFile, checkContentType, checkNamePrefix, checkSecretName, checkSecretValue, checkTagName, checkTagValue,
  checkValidity, checkValueFileSize, parseDateInput, parseTags, secretValueFromFile,
} from '../../src/azure/rules';
import { parseVaultUrl } from '../../src/azure/vaultUrl';
import { checkGeneratorOptions } from '../../src/commands/items/generator';
import { record } from '../reliability/recorder';

/** A fixed "now" (2026-01-15 12:00 UTC): date messages quote dates computed from it. */
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

/** [how the invalid value is shown in the table, the check's answer for it, the exact message expected]. */
type Case = readonly [shown: string, answer: () => string | undefined, message: string];

const reason = (parsed: { ok: true } | { ok: false; reason: string }): string | undefined => (parsed.ok ? undefined : parsed.reason);
const thrown = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};
const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** One input: every case asserted and recorded (the observed message, or "✘ accepted" when the check let it pass). */
function input(row: string, cases: readonly Case[]): void {
  describe(row, () => {
    for (const [shown, answer, message] of cases) {
      it(`${shown} → ${message}`, () => {
        const observed = answer();
        record('bad-input', row, shown, observed ?? '✘ accepted');
        assert.equal(observed, message);
      });
    }
  });
}

const VAULT_NAME_RULE = 'is not a valid vault name: 3–24 letters, digits and hyphens, starting with a letter, no "--"';
const DATE_FORMS = 'Enter a date as YYYY-MM-DD, an ISO date-time, or relative like +90d, +6m, +1y (empty: none).';
const MONTHS = 'Enter a whole number of months between 1 and 1200';
const policy = (json: string) => () => thrown(() => parsePolicyJson(json));
const rotation = (p: RotationPolicy) => () => validateRotationPolicy(p).join(' ') || undefined;

describe('bad input: every user input × its invalid values → the exact message (recorded for docs/RELIABILITY.md)', () => {
  input('Name of a secret, key or certificate (Create Secret/Key/Certificate, Import Certificate, Copy to Vault, Move to Key Vault)', [
    ['(empty)', () => checkSecretName(''), 'Enter a name.'],
    ['`x` × 128', () => checkSecretName('x'.repeat(128)), 'A name has at most 127 characters (this one has 128).'],
    ['`db_password`', () => checkSecretName('db_password'), 'A name may contain only letters, digits and hyphens (not "_").'],
    ['`my secret.v2`', () => checkSecretName('my secret.v2'), 'A name may contain only letters, digits and hyphens (not space, ".").'],
    ['`Wert-ä`', () => checkSecretName('Wert-ä'), 'A name may contain only letters, digits and hyphens (not "ä").'],
  ]);

  input('Vault URL (Attach Key Vault by URL)', [
    ['(empty)', () => reason(parseVaultUrl('')), 'Enter the vault URL, for example https://contoso.vault.azure.net'],
    ['`http://contoso.vault.azure.net`', () => reason(parseVaultUrl('http://contoso.vault.azure.net')), 'Key Vault is only reachable over https://'],
    ['`https://user:pw@contoso.vault.azure.net`', () => reason(parseVaultUrl('https://user:pw@contoso.vault.azure.net')), 'A vault URL must not contain credentials'],
    ['`https://ab.vault.azure.net`', () => reason(parseVaultUrl('https://ab.vault.azure.net')), `"ab" ${VAULT_NAME_RULE}`],
    ['`https://my--vault.vault.azure.net`', () => reason(parseVaultUrl('https://my--vault.vault.azure.net')), `"my--vault" ${VAULT_NAME_RULE}`],
    ['`https://kv.prod.vault.azure.net`', () => reason(parseVaultUrl('https://kv.prod.vault.azure.net')), `"kv" ${VAULT_NAME_RULE}`],
    ['`https://exa mple.com`', () => reason(parseVaultUrl('https://exa mple.com')), '"https://exa mple.com" is not a URL. Use the form https://<vault-name>.vault.azure.net'],
  ]);

  input('Tags on one line (Create Secret, New Version, Create Key: name=value, …)', [
    ['`env`', () => reason(parseTags('env')), 'Write each tag as name=value ("env" has no "=").'],
    ['`a=1,,b=2`', () => reason(parseTags('a=1,,b=2')), 'Write each tag as name=value ("" has no "=").'],
    ['`a=1, a=2`', () => reason(parseTags('a=1, a=2')), 'The tag "a" is given twice.'],
    ['`=x`', () => reason(parseTags('=x')), 'A tag needs a name.'],
    ['`__proto__=x`', () => reason(parseTags('__proto__=x')), 'A tag cannot be named "__proto__": the Azure SDK for JavaScript cannot send it. Choose another name.'],
    ['a name of 513 characters', () => reason(parseTags(`${'n'.repeat(513)}=v`)), 'A tag name has at most 512 characters (this one has 513).'],
    ['`k=` + a value of 257 characters', () => reason(parseTags(`k=${'v'.repeat(257)}`)), 'The value of tag "k" has 257 characters; at most 256 are allowed.'],
    ['16 tags', () => reason(parseTags(Array.from({ length: 16 }, (_, i) => `t${i}=v`).join(', '))), 'A secret has at most 15 tags (this would be 16).'],
  ]);

  input('Tag name and value (the tag editor of Edit Attributes / Edit Tags)', [
    ['name: (blank)', () => checkTagName('  '), 'A tag needs a name.'],
    ['name: `__proto__`', () => checkTagName('__proto__'), 'A tag cannot be named "__proto__": the Azure SDK for JavaScript cannot send it. Choose another name.'],
    ['value of `team`: 257 characters', () => checkTagValue('team', 'v'.repeat(257)), 'The value of tag "team" has 257 characters; at most 256 are allowed.'],
  ]);

  input('Expiry / activation date (Create Secret, New Version, Edit Attributes, Create Key, Edit Key Expiry)', [
    ['`tomorrow`', () => reason(parseDateInput('tomorrow', NOW)), DATE_FORMS],
    ['`31.12.2026`', () => reason(parseDateInput('31.12.2026', NOW)), DATE_FORMS],
    ['`2026-02-30`', () => reason(parseDateInput('2026-02-30', NOW)), '2026-02-30 is not a calendar date.'],
    ['`2026-13-01`', () => reason(parseDateInput('2026-13-01', NOW)), '2026-13-01 is not a calendar date.'],
    ['`+99999y`', () => reason(parseDateInput('+99999y', NOW)), '+102025-01-15T12:00:00.000Z is too far ahead: Key Vault dates end with the year 9999, the last one Azure tools (the CLI, PowerShell, the portal) can read.'],
    ['`1969-12-31T23:59:59Z`', () => reason(parseDateInput('1969-12-31T23:59:59Z', NOW)), '1969-12-31T23:59:59.000Z is too early: Key Vault dates count seconds from 1970-01-01 (UTC).'],
    ['expiry `2020-01-01` (in the past)', () => checkValidity(undefined, new Date('2020-01-01T00:00:00Z'), NOW), 'The expiry 2020-01-01T00:00:00.000Z is in the past.'],
    ['expiry `2026-07-01` before activation `2027-01-01`', () => checkValidity(new Date('2027-01-01T00:00:00Z'), new Date('2026-07-01T00:00:00Z'), NOW), 'The expiry must be after the activation date (not before).'],
  ]);

  input('ISO 8601 durations (Edit Rotation Policy: rotation ≥ 7 days, expiry ≥ 28 days, notification ≥ 7 days)', [
    ['rotation `P`', () => checkDuration('P', 7, 'The rotation time'), 'The rotation time must be an ISO 8601 duration such as P90D, P1Y or P3M (got "P").'],
    ['rotation `90D`', () => checkDuration('90D', 7, 'The rotation time'), 'The rotation time must be an ISO 8601 duration such as P90D, P1Y or P3M (got "90D").'],
    ['rotation `P3D`', () => checkDuration('P3D', 7, 'The rotation time'), 'The rotation time must be at least 7 days (got P3D).'],
    ['expiry `P21D`', () => checkDuration('P21D', 28, 'The expiry time'), 'The expiry time must be at least 28 days (got P21D).'],
    ['expiry `P1.5Y`', () => checkDuration('P1.5Y', 28, 'The expiry time'), 'The expiry time must be an ISO 8601 duration such as P90D, P1Y or P3M (got "P1.5Y").'],
    ['notification `PT12H`', () => checkDuration('PT12H', 7, 'The notification time'), 'The notification time must be at least 7 days (got PT12H).'],
  ]);

  input('Rotation policy as a whole (Edit Rotation Policy, before the PUT)', [
    ['rotate after `P400D`, expiry `P1Y`', rotation({ lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P400D' }], expiryTime: 'P1Y' }), 'The Rotate trigger (P400D) must be shorter than the expiry time (P1Y).'],
    ['notify `P30D` after creation', rotation({ lifetimeActions: [{ action: 'Notify', timeAfterCreate: 'P30D' }] }), 'A Notify action can only trigger a time before expiry.'],
    ['rotate with both triggers', rotation({ lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P30D', timeBeforeExpiry: 'P30D' }] }), 'The Rotate action needs exactly one trigger: a time after creation or a time before expiry.'],
    ['two Rotate actions', rotation({ lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P30D' }, { action: 'Rotate', timeAfterCreate: 'P60D' }] }), 'At most one Rotate action is allowed.'],
  ]);

  input('Content type (Create Secret, New Version, Edit Attributes)', [
    ['256 characters', () => checkContentType('x'.repeat(256)), 'A content type has at most 255 characters (this one has 256).'],
  ]);

  input('Secret value (Create Secret, New Version, Edit Secret Value save, Create Secret quick fix)', [
    ['(empty)', () => checkSecretValue(''), 'A secret value cannot be empty.'],
    ['25,601 × `y`', () => checkSecretValue('y'.repeat(25_601)), 'The value is 25.0 KB (25,601 bytes); Key Vault accepts at most 25 KB (25,600 bytes of UTF-8).'],
    ['12,801 × `é` (2 bytes each)', () => checkSecretValue('é'.repeat(12_801)), 'The value is 25.0 KB (25,602 bytes); Key Vault accepts at most 25 KB (25,600 bytes of UTF-8).'],
  ]);

  input('Secret value from a file (Create Secret / New Version → Read from a file…)', [
    ['`big.txt` of 102,401 bytes (refused before reading)', () => checkValueFileSize('big.txt', 102_401), 'big.txt is 100.0 KB (102,401 bytes); a secret value is at most 25 KB.'],
    ['`blob.bin`: bytes that are not UTF-8', () => reason(secretValueFromFile('blob.bin', new Uint8Array([0xff, 0xfe, 0x00, 0x80]))), 'blob.bin is not UTF-8 text. Key Vault stores text: base64-encode binary content (or import a certificate as a certificate).'],
    ['`empty.txt`: only a line break', () => reason(secretValueFromFile('empty.txt', bytes('\n'))), 'empty.txt: A secret value cannot be empty.'],
    ['`cert.pem`: 30,000 bytes of text', () => reason(secretValueFromFile('cert.pem', bytes('a'.repeat(30_000)))), 'cert.pem: The value is 29.3 KB (30,000 bytes); Key Vault accepts at most 25 KB (25,600 bytes of UTF-8).'],
  ]);

  input('Generated value (Create Secret → Generate a random value)', [
    ['length 7', () => checkGeneratorOptions({ length: 7, classes: ['lower'] }), 'Choose a length from 8 to 1024.'],
    ['length 1025', () => checkGeneratorOptions({ length: 1025, classes: ['lower'] }), 'Choose a length from 8 to 1024.'],
    ['length 12.5', () => checkGeneratorOptions({ length: 12.5, classes: ['lower'] }), 'Choose a length from 8 to 1024.'],
    ['no kind of character', () => checkGeneratorOptions({ length: 32, classes: [] }), 'Choose at least one kind of character.'],
  ]);

  input('Certificate subject (New Self-Signed Certificate)', [
    ['(empty)', () => checkSubject(''), 'The subject is required, for example CN=web.contoso.com'],
    ['`CN=web` + line break + `.contoso.com`', () => checkSubject('CN=web\n.contoso.com'), 'The subject cannot contain line breaks, tabs or other control characters.'],
    ['`web.contoso.com`', () => checkSubject('web.contoso.com'), '"web.contoso.com" is not an attribute=value pair (for example CN=web.contoso.com)'],
    ['`O=Contoso`', () => checkSubject('O=Contoso'), 'The subject needs a common name (CN=…)'],
  ]);

  input('DNS names / subject alternative names (New Self-Signed Certificate)', [
    ['`bad_name.com`', () => reason(parseDnsNames('bad_name.com')), '"bad_name.com" is not a DNS name'],
    ['`-x.com`', () => reason(parseDnsNames('-x.com')), '"-x.com" is not a DNS name'],
    ['`*.*.a.com`', () => reason(parseDnsNames('*.*.a.com')), '"*.*.a.com" is not a DNS name'],
    ['a label of 64 characters', () => reason(parseDnsNames(`${'a'.repeat(64)}.com`)), `"${'a'.repeat(64)}.com" is not a DNS name`],
    ['`a.com, A.com`', () => reason(parseDnsNames('a.com, A.com')), 'A DNS name is listed twice'],
  ]);

  input('Validity in months (New Self-Signed Certificate)', [
    ['`0`', () => checkValidityMonths('0'), MONTHS],
    ['`1201`', () => checkValidityMonths('1201'), MONTHS],
    ['`1.5`', () => checkValidityMonths('1.5'), MONTHS],
    ['`twelve`', () => checkValidityMonths('twelve'), MONTHS],
  ]);

  input('Certificate policy document (Edit Certificate Policy → save)', [
    ['`{` (not JSON)', () => thrown(() => parsePolicyJson('{'))?.replace(/^(The policy is not valid JSON: ).+$/, '$1(the JSON parser’s message)'), 'The policy is not valid JSON: (the JSON parser’s message)'],
    ['`[]`', policy('[]'), 'The policy must be a JSON object.'],
    ['`{"foo":1}`', policy('{"foo":1}'), 'Unknown policy field(s): foo. Editable: subject, dnsNames, emails, userPrincipalNames, issuerName, validityInMonths, keyType, keySize, keyCurveName, exportable, reuseKey, contentType, lifetimeActions, keyUsage, enhancedKeyUsage, certificateType, certificateTransparency.'],
    ['`{"validityInMonths":"12"}`', policy('{"validityInMonths":"12"}'), '"validityInMonths" must be a number (got string).'],
    ['`{"dnsNames":[1]}`', policy('{"dnsNames":[1]}'), '"dnsNames" must be an array of texts.'],
    ['`{"subject":"O=x"}`', policy('{"subject":"O=x"}'), 'The policy is not valid: The subject needs a common name (CN=…).'],
    ['`{"emails":["bob"]}`', policy('{"emails":["bob"]}'), 'The policy is not valid: emails: "bob" is not of the form name@domain.'],
    ['`{"validityInMonths":0}`', policy('{"validityInMonths":0}'), 'The policy is not valid: validityInMonths must be 1–1200.'],
    ['`{"keyType":"oct"}`', policy('{"keyType":"oct"}'), 'The policy is not valid: keyType must be RSA, RSA-HSM, EC or EC-HSM (got oct).'],
    ['`{"keySize":1024}`', policy('{"keySize":1024}'), 'The policy is not valid: keySize must be 2048, 3072 or 4096.'],
    ['`{"keyCurveName":"P-999"}`', policy('{"keyCurveName":"P-999"}'), 'The policy is not valid: keyCurveName must be P-256, P-384, P-521 or P-256K.'],
    ['`{"contentType":"text/plain"}`', policy('{"contentType":"text/plain"}'), 'The policy is not valid: contentType must be application/x-pkcs12 or application/x-pem-file.'],
    ['`{"keyUsage":["sign"]}`', policy('{"keyUsage":["sign"]}'), 'The policy is not valid: keyUsage must be among digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment, keyAgreement, keyCertSign, cRLSign, encipherOnly, decipherOnly (got "sign").'],
    ['`{"enhancedKeyUsage":["serverAuth"]}`', policy('{"enhancedKeyUsage":["serverAuth"]}'), 'The policy is not valid: enhancedKeyUsage must be OIDs such as 1.3.6.1.5.5.7.3.1 (got "serverAuth").'],
    ['`{"issuerName":"Self` + line break + `"}`', policy('{"issuerName":"Self\\n"}'), 'The policy is not valid: issuerName cannot contain line breaks, tabs or other control characters.'],
    ['a lifetime action without trigger', policy('{"lifetimeActions":[{"action":"AutoRenew"}]}'), 'The policy is not valid: each lifetime action needs exactly one of daysBeforeExpiry or lifetimePercentage.'],
    ['`lifetimePercentage` 100', policy('{"lifetimeActions":[{"action":"AutoRenew","lifetimePercentage":100}]}'), 'The policy is not valid: lifetimePercentage must be 1–99.'],
    ['renew 400 days before expiry of a 12-month certificate', policy('{"lifetimeActions":[{"action":"AutoRenew","daysBeforeExpiry":400}],"validityInMonths":12}'), 'The policy is not valid: daysBeforeExpiry must be shorter than the validity.'],
  ]);

  input('Certificate file (Import Certificate)', [
    ['a PEM file with a certificate and no private key', () => checkCertificateFile(bytes('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'), 'pem'), 'This PEM file has no private key: Key Vault imports a certificate together with its key (PRIVATE KEY block, then the certificate). Nothing was sent.'],
    ['a binary (PFX) file of 204,801 bytes', () => checkCertificateFile(new Uint8Array(204_801), certificateFileFormat(new Uint8Array(204_801))), 'The file is larger than 200 KB: not a certificate Key Vault can import. Nothing was sent.'],
  ]);

  input('Name prefix (Filter… on Secrets, Keys or Certificates)', [
    ['`db_`', () => checkNamePrefix('db_'), 'Names contain only letters, digits and hyphens'],
    ['`my secret`', () => checkNamePrefix('my secret'), 'Names contain only letters, digits and hyphens'],
  ]);
});
