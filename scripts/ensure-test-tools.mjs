// The programs the tests drive as a person would: Chromium (browser tests), LibreOffice Calc (opening the saved
// workbooks), poppler (reading the printed PDFs) and xmllint (validating exchange files against their schemas).
// Finds each; installs the missing Debian packages when root on Debian; otherwise stops with what to install.
// No test is ever skipped silently for a missing program.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = [process.env.CHROME_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter((path) => path !== undefined);
const tools = [
  { name: 'Chromium', paths: chromium, debian: 'chromium' },
  { name: 'LibreOffice Calc', paths: ['/usr/bin/soffice'], debian: 'libreoffice-calc-nogui' },
  { name: 'pdfinfo / pdftotext (poppler)', paths: ['/usr/bin/pdftotext'], debian: 'poppler-utils' },
  { name: 'xmllint', paths: ['/usr/bin/xmllint'], debian: 'libxml2-utils' },
];
const missing = () => tools.filter((tool) => !tool.paths.some((path) => existsSync(path)));

const absent = missing();
if (absent.length > 0) {
  const isRoot = process.getuid?.() === 0;
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (isRoot && isDebian) {
    const packages = absent.map((tool) => tool.debian).join(' ');
    console.log(`Programmes absents pour les tests : installation des paquets Debian ${packages}…`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages}`, { stdio: 'inherit' });
  }
}
const still = missing();
if (still.length > 0) {
  console.error(
    `Les tests ont besoin de : ${still.map((tool) => tool.name).join(', ')}. Installez-les ` +
      `(Debian/Ubuntu : sudo apt-get install ${still.map((tool) => tool.debian).join(' ')}) ` +
      '— pour Chromium, vous pouvez aussi indiquer son chemin dans CHROME_PATH —, puis relancez npm test.',
  );
  process.exit(1);
}
console.log(`Chromium : ${chromium.find((path) => existsSync(path))}`);
