// OpenAPI document (JSON on stdin) → TypeScript types (stdout), with openapi-typescript. A script of its own because
// openapi-typescript's dependencies are ES modules, which Jest's CommonJS runtime cannot load (scripts/api-types.ts).
import openapiTS, { astToString } from 'openapi-typescript';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = JSON.parse(Buffer.concat(chunks).toString('utf8'));
process.stdout.write(astToString(await openapiTS(doc, { silent: true, alphabetize: true })));
