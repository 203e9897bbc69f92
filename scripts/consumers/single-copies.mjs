// A host must get one copy of each Tiptap package and of prosemirror-model: two copies mean
// a heavier bundle, "separate declarations of a private property" type errors and schema
// mismatches at run time. pnpm keeps every copy under node_modules/.pnpm/<id>/node_modules/<name>.
import { readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/** Throws when a package whose name starts with one of `prefixes` is installed more than once. */
export function checkSingleCopies(appDir, prefixes) {
  const store = join(appDir, 'node_modules/.pnpm');
  const copies = new Map();
  for (const id of readdirSync(store)) {
    const modules = join(store, id, 'node_modules');
    let names = [];
    try {
      names = readdirSync(modules).flatMap((entry) =>
        entry.startsWith('@')
          ? readdirSync(join(modules, entry)).map((name) => `${entry}/${name}`)
          : [entry],
      );
    } catch {
      continue;
    }
    for (const name of names.filter((n) => prefixes.some((prefix) => n.startsWith(prefix)))) {
      const real = realpathSync(join(modules, name));
      copies.set(name, (copies.get(name) ?? new Set()).add(real));
    }
  }
  const duplicated = [...copies].filter(([, paths]) => paths.size > 1);
  if (copies.size === 0) throw new Error(`no ${prefixes.join(', ')} package found in ${store}`);
  if (duplicated.length) {
    throw new Error(
      `more than one copy of ${duplicated.map(([name, paths]) => `${name} (${[...paths].join(', ')})`).join('; ')}`,
    );
  }
  console.log(`single copies: ${[...copies.keys()].sort().join(', ')}`);
}
