/** The words of an observation's kind, consent and usage, apart from its schema so that reading them loads no zod. */
export const OBSERVATION_KINDS = ['citation', 'observation', 'anecdote', 'chiffre'] as const;
export const CONSENTS = ['obtenu', 'non obtenu', 'non requis'] as const;
export const SCOPES = ['interne', 'financeurs', 'public'] as const;
