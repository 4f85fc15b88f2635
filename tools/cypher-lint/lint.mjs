// Lints Cypher queries with Neo4j's language support, against a database schema of labels and relationship types.
// Input (stdin, JSON): {"schema": {"labels": [...], "relationshipTypes": [...]}, "queries": [{"name": "...", "cypher": "..."}]}
// Output (stdout, JSON): [{"name": "...", "diagnostics": [{"severity": 1|2, "message": "..."}]}]
// Severity 1 = error, 2 = warning. Undefined parameters are not reported: queries receive them at run time.
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const results = input.queries.map(({ name, cypher }) => {
  const { diagnostics } = lintCypherQuery(cypher, input.schema);
  return {
    name,
    diagnostics: diagnostics.filter(isNotParamError).map(d => ({ severity: d.severity, message: d.message })),
  };
});
process.stdout.write(JSON.stringify(results));
