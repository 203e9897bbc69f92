import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.shared.ts';

export default defineConfig(
  packageBuild({ index: 'src/index.ts', 'memory/index': 'src/memory/index.ts' }),
);
