// The baseline for webhook ingest: a bare Fastify route parsing the same form body and answering 200.
import formbody from '@fastify/formbody';
import Fastify from 'fastify';

const app = Fastify();
await app.register(formbody);
app.post('/webhooks/bare', async (request) => {
  void request.body;
  return '';
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
