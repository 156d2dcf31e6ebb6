// French texts of the connection check, shared by the options page (and any later page that pairs).
export const pairingText = {
  connected: 'Connecté au registre.',
  connectedTo: (name: string) => `Connecté au registre « ${name} ».`,
  unauthorized:
    'Code de connexion refusé par le registre : copiez à nouveau le code depuis le panneau Repère du tableur.',
  notJson:
    'L’adresse ne répond pas comme un registre Repère : vérifiez le déploiement de l’application web (accès « Tout le monde ») et copiez à nouveau le code.',
  network: 'Registre injoignable : vérifiez votre connexion à Internet et l’adresse du code de connexion.',
  timeout: 'Le registre n’a pas répondu à temps : réessayez dans un moment.',
  notConfigured: 'Le registre n’est pas encore installé : ouvrez le panneau Repère du tableur et terminez l’installation.',
  busy: 'Le registre est occupé : réessayez dans un moment.',
  other: (code: string) => `Le registre a répondu par une erreur (${code}) : réessayez, puis vérifiez le déploiement.`,
} as const;
