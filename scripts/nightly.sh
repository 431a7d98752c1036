#!/bin/sh
# The long property run for nightly use: 2,000 generated workbooks per property (10x the
# default of `npm test`), plus the hardening suite. SELFEVAL_PROPERTY_SEED=<n> changes the seed.
set -e
cd "$(dirname "$0")/.."
SELFEVAL_PROPERTY_RUNS="${SELFEVAL_PROPERTY_RUNS:-2000}" npx jest test/gen test/hardening
