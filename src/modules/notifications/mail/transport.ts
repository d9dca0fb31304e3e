import nodemailer from 'nodemailer';
import type { Config } from '../../../config.js';

/** One e-mail in Russian: plain text always, simple HTML beside it. */
export type Mail = { to: string; subject: string; text: string; html: string };

/** What the senders need of the mail: tests and the server give a real SMTP transport. */
export type Mailer = { send(mail: Mail): Promise<void>; publicUrl: string; close(): void };

/**
 * The SMTP transport of the configuration (SMTP_URL, MAIL_FROM, PUBLIC_URL); undefined without
 * SMTP_URL — then notifications stay in the app and nothing is sent.
 */
export function emailTransport(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>,
): Mailer | undefined {
  if (!config.smtpUrl) return undefined;
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    publicUrl: config.publicUrl,
    async send(mail) {
      await transport.sendMail({ from: config.mailFrom, ...mail });
    },
    close: () => transport.close(),
  };
}
