import { type Browser, chromium } from 'playwright';

/** Chromium for the end-to-end tests: CHROMIUM_PATH, else the system one (as the browser tests). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
}
