import fs from 'node:fs';
import { expect, it } from 'vitest';
import { apiSchemaFile, generateApiTypes } from '../scripts/api-types.js';

// The browser is typed from the committed file: a route whose schema changed without `npm run api:types`
// would leave the client compiling against an API that no longer exists.
it('src/web/shared/api-schema.ts matches the OpenAPI document (run `npm run api:types`)', async () => {
  const committed = fs.readFileSync(apiSchemaFile, 'utf8');
  const fresh = await generateApiTypes();
  expect(committed === fresh, 'Типы API устарели: выполните `npm run api:types`').toBe(true);
});
