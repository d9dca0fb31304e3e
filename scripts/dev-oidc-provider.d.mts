// Types of dev-oidc-provider.mjs for the tests that start it.
export type DevProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close: () => Promise<void>;
};
export function startDevProvider(opts: {
  port?: number;
  clientId?: string;
  clientSecret?: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  emails?: Record<string, string>;
  /** Logins whose e-mail the provider sends with `email_verified: false`. */
  unverified?: string[];
}): Promise<DevProvider>;
