/** The authentication provider the manifest contributes (`contributes.authentication`); VS Code's Accounts menu lists it. */
export const AUTH_PROVIDER_ID = 'faxplus';
