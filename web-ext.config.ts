import { defineWebExtConfig } from 'wxt';

// `wxt dev`: run the extension in Debian's Chromium (branded Chrome 137+ ignores --load-extension).
export default defineWebExtConfig({
  binaries: { chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
  chromiumArgs: ['--no-first-run', '--disable-sync'],
});
