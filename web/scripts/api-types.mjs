// Turn PostgREST's OpenAPI description of the `api` schema into TypeScript.
//
//   node scripts/api-types.mjs openapi.json > src/api/schema.gen.ts
//
// PostgREST 12 describes its API in Swagger 2.0; swagger2openapi converts it
// to OpenAPI 3.0 for openapi-typescript (which reads 3.x only). Run through
// `make api-types` (tests/e2e/api_types.py), which starts a local stack and
// fetches the description; tests/e2e/test_api_types.py checks the file is fresh.
import { readFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import converter from 'swagger2openapi';

const [source] = process.argv.slice(2);
if (!source) {
  console.error('usage: node scripts/api-types.mjs OPENAPI_JSON');
  process.exit(2);
}

const swagger = JSON.parse(await readFile(source, 'utf8'));
// The description's `host` and the server's version change per run and say
// nothing about the types: leave them out so the output is reproducible.
delete swagger.host;
delete swagger.info;
swagger.info = { title: 'Reqstly api schema (PostgREST)', version: '1' };
const { openapi } = await converter.convertObj(swagger, { patch: true, warnOnly: true });
const ast = await openapiTS(openapi, { alphabetize: true });
const header = [
  "// Generated from PostgREST's OpenAPI description of the `api` schema by",
  '// web/scripts/api-types.mjs (openapi-typescript). Do not edit: run `make api-types`.',
  '',
].join('\n');
process.stdout.write(header + astToString(ast));
