# syntax=docker/dockerfile:1
# Production image: build with the dev toolchain, run with production dependencies only,
# as an unprivileged user. Every external service comes from the environment (see README).

FROM node:20-bookworm-slim AS base
# glibc's default of one malloc arena per thread lets libvips (sharp) double its resident memory
# while processing images; two arenas halve the peak (README, "Images").
ENV NODE_ENV=production MALLOC_ARENA_MAX=2
WORKDIR /app

FROM base AS deps
COPY package.json package-lock.json ./
COPY app/cli/prisma-offline.mjs app/cli/fix-binaries.mjs ./app/cli/
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY patches ./patches
# npm install rather than npm ci: see .ci/run (the lockfile lacks some platforms' optional packages).
RUN npm install --include=dev --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build

FROM base AS production-deps
COPY package.json package-lock.json ./
COPY patches ./patches
# Production search is an official Meilisearch at MEILI_HOST: the 130 MB embedded binary stays out.
# Without install scripts, the patches (patches/, README) are applied by hand.
RUN npm install --omit=dev --ignore-scripts --no-audit --no-fund && npx patch-package \
  && rm -rf node_modules/@gaubee

FROM base AS runtime
RUN groupadd --system shikposh && useradd --system --gid shikposh --home /app shikposh
COPY --from=production-deps --chown=shikposh:shikposh /app/node_modules ./node_modules
COPY --from=build --chown=shikposh:shikposh /app/build ./build
COPY --from=build --chown=shikposh:shikposh /app/public ./public
COPY --chown=shikposh:shikposh package.json ./
COPY --chown=shikposh:shikposh prisma/migrations ./prisma/migrations
USER shikposh
ENV PORT=3000 HOST=0.0.0.0
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npm", "start"]
