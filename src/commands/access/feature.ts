// What the signed-in user may do in a vault, and how to get what is missing: Show My Access, Grant Me…,
// Request Access… (the verdict itself: src/platform/vaultAccess.ts; the palette's refusals: ../accessGate.ts).
import * as vscode from 'vscode';
import { AccessCommandIds, type CommandId } from '../../model/commandIds';
import { command, type Command, type Feature } from '../feature';
import { accessVault } from './accessVault';
import { grantMe } from './grantMe';
import { requestAccess } from './requestAccess';
import { showMyAccess } from './showMyAccess';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command has its own target type
const commands: Readonly<Record<CommandId<typeof AccessCommandIds>, Command<any>>> = {
  [AccessCommandIds.showMyAccess]: command(accessVault(() => vscode.l10n.t('Show your access to a key vault')), showMyAccess),
  [AccessCommandIds.grantMe]: command(accessVault(() => vscode.l10n.t('Grant yourself a role on a key vault')), grantMe),
  [AccessCommandIds.requestAccess]: command(accessVault(() => vscode.l10n.t('Request access to a key vault')), requestAccess),
};

/** Access at a glance: the report, granting yourself a role, asking for one. */
export const accessFeature: Feature = { commands };
