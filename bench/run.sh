#!/usr/bin/env bash
# Publishes the Native AOT and the JIT (framework-dependent) builds of the gateway and measures both with the
# load driver against the fakes. Results: bench/results/latest.md. Extra arguments go to the driver, e.g.
#   bench/run.sh --only startup,size        bench/run.sh --idle 10 --messages 200 --conversations 100
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=artifacts/bench
echo "publishing the AOT build..."
dotnet publish src/MoltBot -c Release -r linux-x64 -p:PublishAot=true -o "$out/aot" >/dev/null
echo "publishing the JIT build..."
dotnet publish src/MoltBot -c Release -r linux-x64 --self-contained false -p:PublishAot=false -o "$out/jit" >/dev/null
dotnet run -c Release --project bench/MoltBot.LoadDriver -- --aot "$out/aot/moltbot" --jit "$out/jit/moltbot" "$@"
