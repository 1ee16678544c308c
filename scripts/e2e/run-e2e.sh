#!/usr/bin/env bash
# Runs the end-to-end suite (test/e2e, already built into dist/ by `npm run test:e2e`).
# As root with util-linux unshare and iproute2 (CI, the project machines) it runs inside a private
# network namespace where only loopback exists, so nothing the suite starts (bot, Playground,
# browser) can reach another host. Elsewhere it runs directly; the browser still aborts every
# request that is not for 127.0.0.1. Extra arguments go to mocha (e.g. --grep phone).
set -euo pipefail
cd "$(dirname "$0")/../.."
mocha=(node node_modules/mocha/bin/mocha.js --config test/e2e/.mocharc.json "$@")
if [ "$(id -u)" = 0 ] && [ "${E2E_NETWORK_NAMESPACE:-1}" != 0 ] && command -v unshare >/dev/null && command -v ip >/dev/null; then
  if unshare --net -- true 2>/dev/null; then
    exec unshare --net -- bash -c 'ip link set lo up && exec "$@"' loopback-only "${mocha[@]}"
  fi
  echo "e2e: unshare --net is not permitted here; running without a private network namespace." >&2
fi
exec "${mocha[@]}"
