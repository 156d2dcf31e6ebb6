/** An error caused by the user's input (exit code 1), carrying a French message that says what to do. */
export class UserError extends Error {}
