// Reads the bolt-throughput stream with the official Neo4j JavaScript driver and prints
// {"records":N,"seconds":S} on one line. Usage: node bolt-throughput.mjs URI QUERY
import neo4j from 'neo4j-driver';

const [uri, query] = process.argv.slice(2);
const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'bench'), { disableLosslessIntegers: true });
try {
  // Warm up the connection (and the JIT) outside the timed part, as the C# side does.
  await driver.executeQuery('RETURN 1 AS warmup');
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  const started = process.hrtime.bigint();
  let records = 0;
  for await (const record of session.run(query)) {
    if (record.get(0).labels.length > 0) {
      records++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await session.close();
  console.log(JSON.stringify({ records, seconds }));
} finally {
  await driver.close();
}
