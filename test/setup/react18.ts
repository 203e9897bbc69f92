// The react18 project runs the hook tests on React 18. Libraries loaded by Node (react-dom,
// Testing Library) ask for `react` / `react-dom` by name; send them to the React 18 copies.
import Module, { createRequire } from 'node:module';

const fromRoot = createRequire(`${process.cwd()}/package.json`);
const redirect = (request: string) => {
  if (request === 'react' || request.startsWith('react/'))
    return fromRoot.resolve(request.replace(/^react/, 'react18'));
  if (request === 'react-dom' || request.startsWith('react-dom/')) {
    return fromRoot.resolve(request.replace(/^react-dom/, 'react-dom18'));
  }
  return null;
};

type Resolve = (request: string, ...rest: unknown[]) => string;
const patched = Module as unknown as { _resolveFilename: Resolve };
const original = patched._resolveFilename;
patched._resolveFilename = function resolveToReact18(this: unknown, request, ...rest) {
  return redirect(request) ?? original.call(this, request, ...rest);
};
