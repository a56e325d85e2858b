# MoltBot gateway image. Build context: the repository root.
#   docker build -t moltbot .
#   docker run -p 18789:18789 -e MOLTBOT_GATEWAY_TOKEN=... -e OPENROUTER_API_KEY=... -v moltbot-data:/data moltbot
# `azd up` builds it in Azure Container Registry (azure.yaml: remoteBuild), so no local Docker is needed.
#
# Stage 1 publishes the Native AOT binary. Stage 2 is runtime-deps:10.0-noble: an AOT binary needs only libc, libssl
# and CA certificates, so the full .NET runtime image would be dead weight. It is not the chiseled variant because the
# agent's `exec` tool and skills run shell commands (/bin/sh, coreutils, curl, jq): an assistant that "does things"
# must be able to do them in the cloud too. Extend the image (`FROM <this image>`, apt-get install) for more tools.
# Configuration comes from environment variables (docs/configuration.md), so there is no entrypoint script
# that line endings could break. The image holds no secret and no config file.

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends clang zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore first, from the files restore reads, so source edits reuse the cached restore layer.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/MoltBot/MoltBot.csproj src/MoltBot/
RUN dotnet restore src/MoltBot -r linux-x64

COPY src/MoltBot/ src/MoltBot/
RUN dotnet publish src/MoltBot -c Release -r linux-x64 --no-restore -o /app

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble AS runtime
# Tools the exec tool and skills commonly call, and time-zone data for the current-time tool. 1654 is the `app` user
# of the .NET images ($APP_UID); /data is its private state folder.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl jq tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data && chown 1654:1654 /data && chmod 0700 /data
WORKDIR /app
# The gateway and SQLite's native library, which the publish puts next to it.
COPY --from=build /app/moltbot /app/libe_sqlite3.so /app/

ENV MOLTBOT_STATE_DIR=/data \
    MOLTBOT_GATEWAY_BIND=lan \
    MOLTBOT_GATEWAY_PORT=18789 \
    MOLTBOT_LOG_FORMAT=json
# All interfaces, so the port is reachable from outside the container. A token is always required: set
# MOLTBOT_GATEWAY_TOKEN, or the first start generates one into /data/gateway.token.
EXPOSE 18789
VOLUME ["/data"]
USER 1654
ENTRYPOINT ["/app/moltbot", "gateway"]
