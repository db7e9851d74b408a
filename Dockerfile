# Two stages: build with the full toolchain, run with production dependencies only, as an unprivileged user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
# npm install, not npm ci: see .ci/run (the lock cannot list Biome's other-platform packages).
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/locales ./locales
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/data/centres ./data/centres
# The admin commands on the PATH: `docker run --rm -v poruch-data:/app/data poruch poruch specialists ID`.
RUN chmod +x dist/scripts/poruch.js && ln -s /app/dist/scripts/poruch.js /usr/local/bin/poruch \
  && mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
VOLUME ["/app/data"]
# node:*-slim has neither curl nor wget; Node's own fetch asks /health (200 when the database answers).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node runs as PID 1 and handles SIGTERM itself: it drains and exits within Docker's 10 s grace period.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
