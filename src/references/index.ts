// The references layer: formats (target → text), file rules, placement and the parser. Pure: no vscode.
export * from './types';
export { referenceFormats, formatIds, entriesOf, type ReferenceFormat } from './formats';
export { appConfigContentType } from './formats/appConfig';
export { formatForFile, formatsForFile, type FileFacts } from './detect';
export { placeReferences, insideString, bicepVaultSymbols, type Placement, type PlacementContext } from './placement';
export { findReferences, referenceAt, type ParseOptions } from './parse';
export { toSnippet, toText, type Template } from './template';
export { dotnetKeyOf, secretNameOfDotnetKey, parseArmId, objectUri, kindSegments } from './names';
export { findSecretLiterals, secretLiteralAt, suggestNameAt, secretNameFrom, classifyLiteral, type SecretLiteral, type LiteralKind } from './literals';
export { jsonKeyPathAt } from './jsonPath';
export * from './usage';
export { versionEdits, versionSpan, type TextReplacement } from './versionEdits';
export { renameReference, renameInText, applyReplacements, type RenameSpec, type KeptReason, type RenameOutcome, type FileRename } from './rename';
export { parseEnvFile, envValues, envValueMeaning, parseKvReference, type EnvEntry, type EnvSecretReference, type EnvValueMeaning } from './envFile';
