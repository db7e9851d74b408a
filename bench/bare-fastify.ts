// The yardstick: a bare fastify route that parses the same JSON bodies and answers 200, with nothing
// else. Run as its own process (like Poruch) so both are measured the same way.
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
app.post('/telegram/webhook', async () => ({}));
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
console.log(`listening on ${address}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
