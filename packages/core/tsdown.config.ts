import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts', 'memory/index': 'src/memory/index.ts' },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  fixedExtension: false,
  sourcemap: true,
});
