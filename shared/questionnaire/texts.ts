/**
 * The words of the questionnaires Repère generates, French first: the information notice (GDPR art. 13), consent,
 * the paradata questions, the interviewer's hints and the interview guide. One catalogue, so every instrument
 * (Google Form, XLSForm, paper, guide) says the same thing.
 */
import type { Lang } from '../contract/words';

export type Words = Record<Lang, string>;
const w = (fr: string, en: string): Words => ({ fr, en });

export const NOTICE = {
  title: w('Avant de commencer', 'Before you start'),
  purpose: w('Pourquoi ce questionnaire', 'Why this questionnaire'),
  purposeText: w(
    'Nous ({structure}) vous posons ces questions pour savoir ce que notre accompagnement change pour les personnes, et pour l’améliorer.',
    'We ({structure}) ask these questions to learn what our support changes for people, and to improve it.',
  ),
  voluntary: w('C’est votre choix', 'It is your choice'),
  voluntaryText: w(
    'Répondre est libre. Vous pouvez refuser, passer une question ou arrêter à tout moment. Cela ne change rien à l’aide que vous recevez.',
    'Answering is up to you. You may refuse, skip a question or stop at any time. It changes nothing in the help you receive.',
  ),
  recipients: w('Qui voit vos réponses', 'Who sees your answers'),
  recipientsText: w(
    'Seule notre équipe voit les réponses, sans votre nom : un code remplace votre nom. Les financeurs et les partenaires ne reçoivent que des chiffres d’ensemble, jamais une réponse seule, et aucun chiffre sur moins de 11 personnes.',
    'Only our team sees the answers, without your name: a code replaces it. Funders and partners only receive overall figures, never a single answer, and no figure about fewer than 11 people.',
  ),
  retention: w('Combien de temps', 'How long'),
  retentionDefault: w(
    'Les réponses sont gardées jusqu’à 12 mois après la dernière vague de cette enquête, puis effacées ; seuls les chiffres d’ensemble sont gardés.',
    'Answers are kept until 12 months after the last wave of this survey, then deleted; only overall figures are kept.',
  ),
  rights: w('Vos droits', 'Your rights'),
  rightsText: w(
    'Vous pouvez demander à voir, corriger ou effacer vos réponses, ou retirer votre accord, en écrivant à : {contact}. Vous pouvez aussi vous adresser à la CNIL (www.cnil.fr).',
    'You may ask to see, correct or delete your answers, or withdraw your agreement, by writing to: {contact}. You may also contact the CNIL (www.cnil.fr), the French data protection authority.',
  ),
  contactMissing: w('[à compléter : adresse ou courriel de contact]', '[to fill in: contact address or email]'),
  /** Rubrics of the « Démarche » tab a structure may add to complete the notice. */
  contactRubric: w('Contact données personnelles', 'Personal data contact'),
  retentionRubric: w('Durée de conservation', 'Retention period'),
};

export const CONSENT = {
  participation: w('Acceptez-vous de répondre à ce questionnaire ?', 'Do you agree to answer this questionnaire?'),
  participationHelp: w('Vous pouvez arrêter à tout moment.', 'You may stop at any time.'),
  yes: w('Oui, j’accepte de répondre', 'Yes, I agree to answer'),
  no: w('Non, je ne souhaite pas répondre', 'No, I do not wish to answer'),
  quotes: w(
    'Acceptez-vous que vos réponses écrites soient citées, sans votre nom, dans nos documents ?',
    'Do you agree that your written answers may be quoted, without your name, in our documents?',
  ),
  quotesYes: w('Oui', 'Yes'),
  quotesNo: w('Non', 'No'),
  /** Read aloud by an interviewer before anything else. */
  script: w(
    'Bonjour. Je vais vous poser quelques questions pour savoir ce que l’accompagnement de {structure} change pour vous. Cela prend environ {minutes} minutes. Vous pouvez refuser, ne pas répondre à une question ou arrêter quand vous voulez : cela ne changera rien à l’aide que vous recevez. Vos réponses resteront dans l’équipe, sans votre nom ; seuls des chiffres d’ensemble sortent de la structure. Êtes-vous d’accord pour répondre ?',
    'Hello. I am going to ask you a few questions to learn what the support of {structure} changes for you. It takes about {minutes} minutes. You may refuse, skip a question or stop whenever you like: it will change nothing in the help you receive. Your answers stay within the team, without your name; only overall figures leave the organisation. Do you agree to answer?',
  ),
  declined: w(
    'Si la personne refuse : remerciez-la, ne posez aucune question et notez seulement « refus » avec la date.',
    'If the person declines: thank them, ask nothing and only write down « refused » with the date.',
  ),
};

export const PARADATA = {
  respondentType: w('Qui remplit ce questionnaire ?', 'Who is filling in this questionnaire?'),
  respondentHelp: w(
    'Si un proche répond à la place de la personne, il répond comme elle répondrait elle-même.',
    'If a relative answers for the person, they answer as the person would.',
  ),
  // The words the import's recogniser reads as « lui-même », « aidé », « pour autrui » (tested).
  self: w('Moi-même, seul(e)', 'Myself, alone'),
  aided: w('Moi-même, avec l’aide de quelqu’un pour lire ou écrire', 'Myself, helped by someone to read or write'),
  proxy: w('Un proche ou un professionnel, à la place de la personne', 'Someone else, on the person’s behalf (proxy)'),
  personCode: w('Votre code personnel (donné par le service, jamais votre nom)', 'Your personal code (given by the service, never your name)'),
  personCodeHelp: w(
    'Le même code à chaque questionnaire : il permet de comparer avant et après sans savoir qui vous êtes.',
    'The same code on every questionnaire: it lets us compare before and after without knowing who you are.',
  ),
  mode: w('Comment ce questionnaire est-il rempli ?', 'How is this questionnaire filled in?'),
  interviewer: w('Nom ou code de la personne qui fait passer le questionnaire', 'Name or code of the person administering the questionnaire'),
  interviewerHelp: w('À remplir par l’enquêteur, pas par la personne interrogée.', 'Filled in by the interviewer, not by the person interviewed.'),
  date: w('Date', 'Date'),
};

export const SECTION = {
  part: w('Partie {n} sur {total}', 'Part {n} of {total}'),
  who: w('Qui répond', 'Who answers'),
  words: w('En quelques mots', 'In a few words'),
  about: w('Quelques questions sur vous', 'A few questions about you'),
  gridDefault: w('Pour chacune des phrases suivantes, cochez la réponse la plus proche de ce que vous vivez.', 'For each of the following statements, tick the answer closest to what you experience.'),
  closing: w('Merci pour vos réponses.', 'Thank you for your answers.'),
  rangeHint: w('Un nombre de {min} à {max}.', 'A number from {min} to {max}.'),
  numberHint: w('Un nombre.', 'A number.'),
};

/** Hints for whoever reads the questions aloud or helps someone fill them in (FALC: facile à lire et à comprendre). */
export const FALC_HINTS: readonly Words[] = [
  w('Lisez chaque question lentement, telle qu’elle est écrite, une seule fois ; relisez-la si la personne le demande.', 'Read each question slowly, as written, once; read it again if the person asks.'),
  w('Montrez les réponses possibles écrites en gros (carte-réponse) plutôt que de les réciter.', 'Show the possible answers in large print (answer card) rather than reciting them.'),
  w('Une idée par phrase, des mots de tous les jours : si la personne ne comprend pas, redites la question avec des mots simples sans en changer le sens, et notez-le.', 'One idea per sentence, everyday words: if the person does not understand, say the question again in simple words without changing its meaning, and note it.'),
  w('Laissez le temps de répondre ; un silence n’est pas un refus.', 'Leave time to answer; silence is not a refusal.'),
  w('« Ne sait pas » est une vraie réponse : ne poussez pas à choisir.', '« Don’t know » is a real answer: do not push for a choice.'),
];

/** What to note on each questionnaire, whoever fills it in. */
export const PARADATA_TO_NOTE: readonly Words[] = [
  w('La date de passation.', 'The date it was filled in.'),
  w('Le code de la personne (jamais son nom).', 'The person’s code (never their name).'),
  w('Qui a répondu : la personne seule, la personne aidée pour lire ou écrire, ou un proche à sa place.', 'Who answered: the person alone, the person helped to read or write, or a relative on their behalf.'),
  w('Le mode : rempli seul(e), en face à face ou par téléphone.', 'The mode: self-completed, face to face or by phone.'),
  w('Qui a fait passer le questionnaire, s’il y a lieu (un membre de l’équipe ou une personne extérieure).', 'Who administered it, if anyone (a team member or an outside person).'),
];

export const GUIDE = {
  title: w('Guide d’entretien', 'Interview guide'),
  theme: w('Thème {n}', 'Topic {n}'),
  intro: w(
    'Un entretien ouvert, pour comprendre ce qui a changé pour la personne, avec ses mots. Comptez 30 à 45 minutes. Ce guide est pour vous : les parties « à ne pas lire » vous aident à vous repérer.',
    'An open interview, to understand what changed for the person, in their own words. Allow 30 to 45 minutes. This guide is for you: the « do not read » parts help you find your way.',
  ),
  notRead: w('À ne pas lire à la personne', 'Do not read to the person'),
  aim: w('Ce que l’on cherche à comprendre', 'What we want to understand'),
  measured: w('Indicateurs liés', 'Related indicators'),
  open: w('Questions ouvertes', 'Open questions'),
  topics: w('Thèmes à aborder si la personne n’en parle pas (sans proposer de réponse)', 'Topics to raise if the person does not (without offering answers)'),
  relaunches: w('Relances neutres', 'Neutral prompts'),
  reminders: w('Ne pas suggérer la réponse', 'Do not suggest the answer'),
  note: w('Fiche de note', 'Note sheet'),
  noteIntro: w(
    'Une fiche par idée importante. Chaque note devient une observation du registre : recopiez-la dans l’onglet Observations (ou avec l’extension Repère) avec les thèmes et le consentement indiqués.',
    'One sheet per important idea. Each note becomes an observation of the registry: copy it into the Observations tab (or with the Repère extension) with the tags and consent shown.',
  ),
  noteDate: w('Date de l’entretien', 'Interview date'),
  noteCode: w('Code de la personne', 'Person’s code'),
  noteTags: w('Thèmes (onglet Observations)', 'Tags (Observations tab)'),
  noteWords: w('Ce que la personne a dit, avec ses mots (entre guillemets)', 'What the person said, in their words (in quotation marks)'),
  noteContext: w('Ce que vous avez observé (contexte, sans interprétation)', 'What you observed (context, without interpretation)'),
  noteConsent: w('La personne accepte que ses mots soient cités, sans son nom', 'The person agrees to be quoted, without their name'),
  noteScope: w('Usage autorisé', 'Allowed use'),
  closingQuestion: w('Y a-t-il autre chose dont vous aimeriez parler ?', 'Is there anything else you would like to talk about?'),
  openStems: [
    w('Pouvez-vous me raconter comment les choses se passent pour vous en ce moment ?', 'Can you tell me how things are going for you at the moment?'),
    w('Qu’est-ce qui a changé pour vous depuis le début ? Et qu’est-ce qui n’a pas changé ?', 'What has changed for you since the beginning? And what has not changed?'),
    w('Pouvez-vous me donner un exemple récent ?', 'Can you give me a recent example?'),
  ] as readonly Words[],
  relaunchList: [
    w('« Pouvez-vous m’en dire plus ? »', '« Can you tell me more? »'),
    w('« C’est-à-dire ? »', '« What do you mean? »'),
    w('« Comment cela s’est-il passé ? »', '« How did it go? »'),
    w('« Et ensuite ? »', '« And then? »'),
    w('Reprendre ses derniers mots, sur un ton de question : « … seule ? »', 'Repeat their last words, as a question: « … alone? »'),
    w('Un silence : attendre quelques secondes avant de relancer.', 'Silence: wait a few seconds before prompting.'),
  ] as readonly Words[],
  reminderList: [
    w('Ne proposez pas de réponse (« vous voulez dire que ça va mieux ? ») : laissez la personne trouver ses mots.', 'Do not offer an answer (« you mean it’s better? »): let the person find their words.'),
    w('Pas de questions qui appellent « oui » : évitez « n’est-ce pas ? », « vous êtes content(e) de… ? ».', 'No questions that call for « yes »: avoid « isn’t it? », « you are happy with… ? ».'),
    w('Ne terminez pas ses phrases ; ne jugez pas (« c’est bien », « dommage »).', 'Do not finish their sentences; do not judge (« good », « pity »).'),
    w('Rappelez que les réponses négatives sont aussi utiles que les positives et ne changent rien à l’aide reçue.', 'Remind them that negative answers are as useful as positive ones and change nothing in the help received.'),
    w('Notez les mots exacts de la personne, pas votre résumé.', 'Write down the person’s exact words, not your summary.'),
  ] as readonly Words[],
};

export const INSTRUMENT = {
  title: w('{survey}', '{survey}'),
  titleWave: w('{survey} — vague {wave}', '{survey} — wave {wave}'),
  paper: w('Questionnaire papier', 'Paper questionnaire'),
  interviewerPart: w('À remplir par la personne qui fait passer le questionnaire', 'To be filled in by the person administering the questionnaire'),
  consentPart: w('À lire à voix haute avant de commencer', 'To read aloud before starting'),
  falcTitle: w('Pour lire les questions et aider à répondre', 'Reading the questions and helping to answer'),
  paradataTitle: w('À noter sur chaque questionnaire', 'To note on every questionnaire'),
  tick: w('Cochez une seule case.', 'Tick one box.'),
  tickMany: w('Cochez une ou plusieurs cases.', 'Tick one or more boxes.'),
  write: w('Écrivez votre réponse.', 'Write your answer.'),
  largePrint: w('gros caractères', 'large print'),
};

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
