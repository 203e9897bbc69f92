import * as a11yAddonAnnotations from '@storybook/addon-a11y/preview';
import { setProjectAnnotations } from '@storybook/react-vite';
import * as projectAnnotations from './preview';

// Stories run as tests in Chromium; with `a11y.test = 'error'` any axe violation fails its story.
setProjectAnnotations([a11yAddonAnnotations, projectAnnotations]);
