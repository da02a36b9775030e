// Which editor language shows a secret's value (pure: unit-tested under plain node): from its content type,
// else sniffed from the value (JSON, PEM, XML). `known` is the set of language ids VS Code has, so a mode that
// is not installed (e.g. `pem`) falls back to plain text.

interface Rule {
  readonly test: RegExp;
  readonly languages: readonly string[];
}

const byContentType: readonly Rule[] = [
  { test: /json/i, languages: ['json'] },
  { test: /^text\/plain\b/i, languages: ['plaintext'] },
  { test: /x-pem-file|\bpem\b|x-x509|pkix/i, languages: ['pem', 'plaintext'] },
  { test: /xml/i, languages: ['xml'] },
  { test: /ya?ml/i, languages: ['yaml'] },
  { test: /toml/i, languages: ['toml', 'plaintext'] },
  { test: /\bini\b/i, languages: ['ini', 'plaintext'] },
  { test: /dotenv|\benv\b/i, languages: ['dotenv', 'properties', 'plaintext'] },
  { test: /properties/i, languages: ['properties', 'plaintext'] },
  { test: /x-sh\b|shellscript|bash/i, languages: ['shellscript'] },
  { test: /powershell/i, languages: ['powershell'] },
  { test: /javascript/i, languages: ['javascript'] },
  { test: /sql/i, languages: ['sql'] },
];

function first(languages: readonly string[], known: ReadonlySet<string> | undefined): string {
  return languages.find((l) => !known || known.has(l)) ?? 'plaintext';
}

function looksLikeJson(value: string): boolean {
  const t = value.trim();
  if (!/^[[{]/.test(t)) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/** The language id for a secret's value. */
export function languageForSecret(contentType: string | undefined, value: string, known?: ReadonlySet<string>): string {
  if (contentType) {
    const rule = byContentType.find((r) => r.test.test(contentType));
    if (rule) return first(rule.languages, known);
  }
  if (looksLikeJson(value)) return 'json';
  if (/^\s*-----BEGIN [A-Z0-9 ]+-----/.test(value)) return first(['pem', 'plaintext'], known);
  if (/^\s*<\?xml/.test(value)) return 'xml';
  return 'plaintext';
}

/** A file extension matching the language, for the document's name (VS Code's tab and icon). */
export function extensionForLanguage(languageId: string): string {
  const ext: Record<string, string> = { json: '.json', pem: '.pem', xml: '.xml', yaml: '.yaml', toml: '.toml', ini: '.ini', shellscript: '.sh', powershell: '.ps1', javascript: '.js', sql: '.sql', properties: '.properties' };
  return ext[languageId] ?? '';
}

/** A content type to suggest for a value (JSON, PEM), or undefined. */
export function suggestContentType(value: string): string | undefined {
  if (looksLikeJson(value)) return 'application/json';
  if (/^\s*-----BEGIN [A-Z0-9 ]+-----/.test(value)) return 'application/x-pem-file';
  return undefined;
}
