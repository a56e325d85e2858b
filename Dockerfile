# MoltBot gateway image. Build context: the repository root.
#   docker build -t moltbot .
#   docker run -p 18789:18789 -e MOLTBOT_GATEWAY_TOKEN=... -e OPENROUTER_API_KEY=... -v moltbot-data:/data moltbot
# `azd up` builds it in Azure Container Registry (azure.yaml: remoteBuild), so no local Docker is needed.
#
# Stage 1 publishes the Native AOT binary. Stage 2 is runtime-deps:10.0-noble-chiseled: no shell, no package
# manager, non-root by default, about 12 MB compressed. An AOT binary needs only libc, libssl and CA certificates, so
# the full runtime image would be dead weight; bookworm-slim would add a shell and apt that nothing here uses.
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

# The state folder, created here because the chiseled image has no shell to run mkdir. 1654 is the `app` user of
# the .NET images ($APP_UID).
RUN mkdir -p /rootfs/data && chmod 0700 /rootfs/data

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled AS runtime
WORKDIR /app
# The gateway and SQLite's native library, which the publish puts next to it.
COPY --from=build /app/moltbot /app/libe_sqlite3.so /app/
# Time-zone data for the current-time tool; the chiseled base leaves it out.
COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
COPY --from=build --chown=1654:1654 /rootfs/data /data

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
