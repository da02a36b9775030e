/** Thrown (or returned as a rejection) when the user dismissed a prompt: ends the command quietly. */
export class UserCancelled extends Error {
  constructor() {
    super('Cancelled by the user');
  }
}
