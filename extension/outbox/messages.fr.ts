// French texts of the outbox and of the collector answers, kept together so an English file can be added later.
export const outboxText = {
  unauthorized: 'Code de connexion refusé : reconnectez l’extension.',
  notJson:
    'L’adresse ne répond pas comme un registre Repère : vérifiez le déploiement de l’application web.',
  network: 'Registre injoignable (réseau ou adresse) : nouvel essai automatique.',
  timeout: 'Le registre a mis trop de temps à répondre : nouvel essai automatique.',
  busy: 'Le registre est occupé : nouvel essai automatique.',
  rateLimited: 'Trop d’envois en peu de temps : nouvel essai automatique.',
  internal: 'Erreur interne du registre : nouvel essai automatique.',
  notConfigured: 'Le registre n’est pas encore installé : ouvrez le panneau Repère du tableur.',
  tooLarge: 'Envoi trop volumineux pour le registre : nouvel essai automatique.',
  badRequest: 'Le registre n’a pas compris la requête : mettez à jour l’extension ou le registre.',
  notConfirmed: 'Le registre n’a pas confirmé cette observation : nouvel essai automatique.',
  rejected: 'Observation refusée par le registre.',
  notPaired: 'Pas encore connectée à un registre : l’observation sera envoyée après la connexion (page Options).',
} as const;
