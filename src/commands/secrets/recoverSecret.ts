import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { recoverItems } from '../items/lifecycle';
import { secretLifecycle } from './lifecycle';

/** Recover: the selected deleted secret(s), or one picked from the palette. Returns the recovered names. */
export function recoverSecret(services: Services, target: ItemTarget, selection: readonly ItemTarget[]): Promise<string[]> {
  return recoverItems(services, secretLifecycle, target, selection);
}
