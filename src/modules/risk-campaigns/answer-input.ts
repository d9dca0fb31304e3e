import { z } from 'zod';
import { TOKEN_PATTERN } from './tokens.js';

// Requests of the answering pages (public and the director's).

const answer = z.union([
  z.string().max(200, 'Ответ — не длиннее 200 символов'),
  z.array(z.string().max(200, 'Ответ — не длиннее 200 символов')).max(50, 'Не больше 50 вариантов'),
  z.number(),
]);

export const answersInput = z.object({
  answers: z
    .record(z.string().max(100, 'Код вопроса — не длиннее 100 символов'), answer)
    .refine((a) => Object.keys(a).length <= 500, 'Не больше 500 ответов'),
});

export const publicAnswerInput = answersInput.extend({
  /** a random id the page keeps in the browser (localStorage); the cookie of the same name wins */
  deviceId: z.uuid({ message: 'Неверный идентификатор устройства' }).optional(),
});
export type PublicAnswerInput = z.infer<typeof publicAnswerInput>;

export const tokenParam = z.object({
  token: z.string().regex(TOKEN_PATTERN, { message: 'Неверная ссылка на анкету' }),
});
