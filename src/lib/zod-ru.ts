import { z } from 'zod';

// Russian default messages for every schema without its own message (server and browser alike).
z.config(z.locales.ru());
