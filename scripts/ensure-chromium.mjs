// Finds the Chromium the browser tests drive (CHROME_PATH, then Debian's); installs Debian's when root on Debian;
// otherwise stops with what to install. The browser tests are never skipped silently.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROME_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter((path) => path !== undefined);
const found = () => candidates.find((path) => existsSync(path));

if (!found()) {
  const isRoot = process.getuid?.() === 0;
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (isRoot && isDebian) {
    console.log('Chromium est absent : installation du paquet Debian « chromium »…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  }
}
const path = found();
if (!path) {
  console.error(
    'Les tests de navigateur ont besoin de Chromium. Installez-le (Debian/Ubuntu : sudo apt-get install chromium) ' +
      'ou indiquez son chemin dans CHROME_PATH, puis relancez npm test.',
  );
  process.exit(1);
}
console.log(`Chromium : ${path}`);
