// Why an OIDC sign-in ended on the login page. Only a code travels in the address (/login?error=<code>):
// the page shows the text of this table, so nobody can put his own words on Opora's login page.
// Shared by the server and the browser; no imports.

export const OIDC_ERROR_MESSAGES = {
  provider: 'Поставщик входа сейчас недоступен. Попробуйте позже или войдите по логину и паролю.',
  'no-provider': 'Такой способ входа не настроен в Опоре.',
  denied: 'Вход отменён: поставщик не подтвердил вход или вы отказались предоставить данные.',
  state: 'Ссылка входа устарела или уже использована. Начните вход заново.',
  claim: 'Поставщик входа не передал логин или адрес электронной почты. Обратитесь к администратору.',
  unknown: 'Вашей учётной записи нет в Опоре. Обратитесь к администратору: он создаст её и назначит роли.',
  ambiguous:
    'Ваш адрес электронной почты указан у нескольких учётных записей Опоры. Обратитесь к администратору.',
  blocked: 'Учётная запись отключена. Обратитесь к администратору.',
  unverified:
    'Поставщик входа не подтвердил ваш адрес электронной почты, поэтому связать его с учётной записью Опоры нельзя. Обратитесь к администратору.',
  privileged:
    'Учётная запись администратора или ответственного за безопасность не связывается со входом через поставщика автоматически: войдите по паролю.',
  busy: 'С вашего адреса начато слишком много входов. Подождите минуту и начните вход заново.',
  failed: 'Не удалось проверить ответ поставщика входа. Начните вход заново.',
} as const;

export type OidcErrorCode = keyof typeof OIDC_ERROR_MESSAGES;

export const isOidcErrorCode = (v: string | null): v is OidcErrorCode =>
  v !== null && Object.hasOwn(OIDC_ERROR_MESSAGES, v);

/** A failed OIDC sign-in; `code` is what the login page is told. */
export class OidcSignInError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    override readonly cause?: unknown,
    /** The login or e-mail the provider named, when known: what a failed sign-in is recorded under. */
    readonly login?: string,
  ) {
    super(OIDC_ERROR_MESSAGES[code]);
  }
}
