// French texts of the options page (one module, so an English translation can be added beside it).
export const optionsText = {
  checking: 'Vérification de la connexion au registre…',
  permissionDenied:
    'Sans l’autorisation d’accéder à l’adresse du registre, l’extension ne peut pas y envoyer les observations. Cliquez à nouveau sur « Connecter » et acceptez.',
  permissionUnsupported:
    'Cette adresse n’est pas celle d’un registre Repère (application web Google Apps Script ou mode local sur 127.0.0.1).',
  storageError: 'La connexion n’a pas pu être enregistrée sur cet appareil : réessayez.',
  disconnected: 'Extension déconnectée du registre. Les observations restent sur cet appareil.',
  notConnected: 'Pas encore connectée à un registre.',
  currentEndpoint: (endpoint: string) => `Registre : ${endpoint}`,
} as const;
