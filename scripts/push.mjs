// `npm run push`: builds the Apps Script bundle and pushes dist/apps-script/ with clasp to the script named in
// .clasp.json (copied from .clasp.json.example, kept out of git).
import { execSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';

if (!existsSync('.clasp.json')) {
  console.error('Il manque .clasp.json : copiez .clasp.json.example en .clasp.json et mettez-y l’identifiant du script lié au tableur (voir README, « Déployer sur Google Sheets »).');
  process.exit(1);
}
execSync('npm run --silent build:apps-script', { stdio: 'inherit' });
copyFileSync('.clasp.json', 'dist/apps-script/.clasp.json');
copyFileSync('apps-script/.claspignore', 'dist/apps-script/.claspignore');
execSync('npx clasp push -f', { cwd: 'dist/apps-script', stdio: 'inherit' });
