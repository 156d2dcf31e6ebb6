// French texts of the popup (one module, so an English translation can be added beside it).
export const popupText = {
  saved: 'Observation enregistrée sur cet appareil.',
  empty: 'Écrivez d’abord le texte de l’observation : rien n’a été enregistré.',
  tooLong: 'Ce texte est trop long (10 000 caractères au plus) : rien n’a été enregistré.',
  invalid: 'Cette observation n’a pas pu être enregistrée : rien n’a été enregistré.',
  storageError: 'L’enregistrement sur cet appareil a échoué : rien n’a été enregistré.',
  syncing: 'Envoi au registre en cours…',
  synced: 'Envoyée au registre.',
  noRecords: 'Aucune observation pour l’instant.',
  waiting: (n: number) => (n === 0 ? 'Tout est envoyé au registre.' : n === 1 ? '1 observation en attente d’envoi.' : `${n} observations en attente d’envoi.`),
  workerUnreachable: 'Envoi différé : il reprendra automatiquement.',
} as const;
