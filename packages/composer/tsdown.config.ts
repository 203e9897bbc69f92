import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.shared.ts';

export default defineConfig(
  packageBuild(['src/index.ts', 'src/rich-text-view.tsx'], { css: true, client: true }),
);
