#!/bin/sh
# Placeholder for Prisma's native schema engine, which cannot be downloaded on machines without
# access to Prisma's binary host. `prisma generate` only checks that the file exists; anything that
# actually runs the engine (migrate, db push, introspection) lands here and must fail loudly.
echo "poruch: no native Prisma schema engine here; use 'npm run db:migrate' or 'npm run db:migrate:create -- NAME'" >&2
exit 1
