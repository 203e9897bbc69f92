#!/usr/bin/env node
// Size budgets in CI: fails when a package's min+gzip size grows past its budget (bench/budgets.mjs).
import { budgets } from '../bench/budgets.mjs';
import { asideSize, composerTotal } from '../bench/sizes.mjs';

let failed = false;
const rows = [];
for (const [name, budget] of Object.entries(budgets)) {
  const bytes =
    name === 'composerTotal' ? await composerTotal() : await asideSize(name.replace('@aside/', ''));
  const ok = bytes <= budget.bytes;
  failed ||= !ok;
  rows.push({
    package: name,
    'min+gz': bytes,
    budget: budget.bytes,
    status: ok ? 'ok' : 'OVER BUDGET',
  });
}
console.table(rows);
if (failed) {
  console.error(
    'A package is over its size budget. See bench/budgets.mjs for why each budget is what it is.',
  );
  process.exit(1);
}
