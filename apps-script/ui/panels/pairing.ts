/** The « Extension de navigateur » panel: the connection code to paste in the extension, to copy or renew. */
import { $, onClick, say } from '../dom';
import { call } from '../rpc';

async function showConnectionCode(renew: boolean): Promise<void> {
  const result = renew ? await call('renewConnectionCode') : await call('getConnectionCode');
  $<HTMLTextAreaElement>('connection-code').value = result.ok ? result.code : '';
  if (!result.ok) say($('status'), result.message, true);
  else if (renew) say($('status'), 'Nouveau code créé : l’ancien ne fonctionne plus. Reconnectez chaque extension avec ce code.');
}

export function initPairingPanel(): Promise<void> {
  onClick($('renew-code'), () => showConnectionCode(true));
  $('copy-code').addEventListener('click', () => {
    const field = $<HTMLTextAreaElement>('connection-code');
    field.select();
    void navigator.clipboard?.writeText(field.value).then(
      () => say($('status'), 'Code copié.'),
      () => say($('status'), 'Copie impossible ici : sélectionnez le code et copiez-le avec Ctrl+C.'),
    );
  });
  return showConnectionCode(false);
}
