/** Small helpers more than one checker stage uses. */
import type { IrExpr } from '../ir.js';
import type { Type } from '../type-system.js';

/** `[]` or `{}` written for a declared list or map type: fits whatever its element type. */
export function emptyCollection(ir: IrExpr, declared: Type): boolean {
  return (ir.op === 'list' && ir.items.length === 0 && declared.k === 'list') || (ir.op === 'object' && ir.entries.length === 0 && declared.k === 'map');
}
