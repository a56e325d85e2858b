using K = MoltBot.Configuration.Schema.ConfigValueKind;

namespace MoltBot.Configuration.Schema;

/// <summary>
/// Every key MoltBot understands, in one table: the validator, <c>config get/set/show</c> and
/// <c>docs/configuration.md</c> (checked by a test) all read it. Adding a setting is one line here
/// plus the property on the <see cref="MoltBotConfig"/> record it feeds.
/// </summary>
internal static partial class ConfigSchema
{
    public const string OpenAiCompletions = "openai-completions";
    public const string AnthropicMessages = "anthropic-messages";
    public const string AzureOpenAi = "azure-openai";

    public static IReadOnlyList<string> Apis { get; } = [OpenAiCompletions, AnthropicMessages, AzureOpenAi];

    public static IReadOnlyList<string> ChannelDmPolicies { get; } = ["pairing", "allowlist", "open", "disabled"];

    public static IReadOnlyList<string> ExecSecurityModes { get; } = ["deny", "allowlist", "full"];

    public static IReadOnlyList<string> ExecAskModes { get; } = ["off", "on-miss", "always"];

    public static IReadOnlyList<string> WebSearchProviders { get; } = ["brave", "tavily", "searxng"];

    public static IReadOnlyList<string> LogFormats { get; } = ["text", "json"];

    public static IReadOnlyList<string> LogLevels { get; } = ["trace", "debug", "info", "warn", "error"];

    /// <summary>Built-in provider ids and the API each speaks when <c>api</c> is not set.</summary>
    public static IReadOnlyDictionary<string, string> BuiltInProviders { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["openrouter"] = OpenAiCompletions,
        ["openai"] = OpenAiCompletions,
        ["anthropic"] = AnthropicMessages,
        ["azure-openai"] = AzureOpenAi,
    };

    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        new("gateway", K.Section, "The gateway: one port for the HTTP API, WebSocket clients and the Control UI."),
        new("gateway.port", K.Integer, "TCP port the gateway listens on.") { DefaultValue = 18789L, Min = 1, Max = 65535, Flag = "--port" },
        new("gateway.bind", K.BindAddress, "Where to listen: `loopback` (this machine only), `lan` (all interfaces) or one IP address.") { DefaultValue = "loopback", Flag = "--bind" },
        new("gateway.auth", K.Section, "How clients prove they may use the gateway."),
        new("gateway.auth.token", K.Secret, "Shared token that clients send as a bearer token. Secret.") { Flag = "--token" },
        new("gateway.metrics", K.Section, "Metrics: Prometheus `/metrics`, OTLP and Azure Monitor (see docs/observability.md)."),
        new("gateway.metrics.enabled", K.Boolean, "Serve Prometheus metrics at `/metrics` (text format 0.0.4).") { DefaultValue = true },
        new("gateway.metrics.public", K.Boolean, "Serve `/metrics` without the gateway token, for scrapers that cannot send `Authorization: Bearer` (Prometheus can). Anyone who reaches the port can then read the counters.") { DefaultValue = false },
        new("gateway.metrics.otlpEndpoint", K.String, "OTLP/HTTP collector base URL, e.g. `http://collector:4318`; metrics are pushed to `<url>/v1/metrics` as protobuf every 60 s."),
        new("gateway.metrics.azureMonitorConnectionString", K.Secret, "Application Insights connection string; metrics are sent to Azure Monitor. Secret."),
        new("gateway.controlUi", K.Section, "The web Control UI and WebChat served at `/`."),
        new("gateway.controlUi.allowedOrigins", K.StringList, "Browser origins, besides the gateway's own, allowed to open its WebSocket (e.g. `https://bot.example.com` behind a proxy). Never `*`.") { Default = "[]" },
        new("gateway.auth.rateLimit", K.Section, "Brute-force guard: failed authentications are counted per client address, then answered with back-off (HTTP 429 + `Retry-After`) without checking the token."),
        new("gateway.auth.rateLimit.maxFailures", K.Integer, "Failed attempts an address may make per window before back-off starts (1 s, 2 s, 4 s … up to `lockoutSeconds`).") { DefaultValue = 10L, Min = 1, Max = 10_000 },
        new("gateway.auth.rateLimit.windowSeconds", K.Integer, "The window `maxFailures` is counted over, in seconds.") { DefaultValue = 60L, Min = 1, Max = 86_400 },
        new("gateway.auth.rateLimit.lockoutSeconds", K.Integer, "Longest back-off (the lock-out), in seconds; an address that stays quiet this long after its back-off starts over.") { DefaultValue = 300L, Min = 1, Max = 86_400 },
        new("gateway.allowedIpRanges", K.StringList, "Client addresses allowed to reach the gateway: CIDRs or single addresses, IPv4 or IPv6. Others get 403 before anything else; `/health` and `/ready` stay open. Empty: any address.") { Default = "[]" },
        new("gateway.trustedProxies", K.StringList, "Reverse proxies (CIDRs or addresses) whose `X-Forwarded-For` is believed; the client is the right-most forwarded address that is not one of them.") { Default = "[]" },

        new("agents", K.Section, "Agents: shared defaults and the list of agents."),
        new("agents.defaults", K.Section, "Settings every agent inherits unless its `agents.list[]` entry overrides them."),
        new("agents.defaults.model", K.ModelSelection, "Model ref `provider/model-id` (the primary), or `{primary, fallbacks}`.") { Flag = "--model" },
        new("agents.defaults.model.primary", K.String, "Primary model ref, e.g. `openrouter/anthropic/claude-3.5-sonnet`.") { Default = "from the first API key set (see Defaults)" },
        new("agents.defaults.model.fallbacks", K.StringList, "Model refs tried in order when the primary fails.") { Default = "[]" },
        new("agents.defaults.workspace", K.String, "Workspace folder for agent files and memory; `~` is expanded.") { Default = "<state dir>/workspace" },
        new("agents.defaults.maxConcurrent", K.Integer, "Agent turns that may run at once across all sessions and channels; more wait in line (none is dropped).") { DefaultValue = 4L, Min = 1, Max = 256 },
        new("agents.defaults.budget", K.Section, "Per-day usage limit of each agent; past it, turns are refused until 00:00 UTC."),
        new("agents.defaults.budget.dailyTokens", K.Integer, "Input plus output tokens an agent may use per UTC day.") { Min = 1 },
        new("agents.defaults.budget.dailyCostUsd", K.Number, "US dollars an agent may spend per UTC day; only models with `cost` prices add to it.") { Min = 0 },
        new("agents.list", K.List, "The agents. When empty, one agent `main` is used as the default."),
        new("agents.list[]", K.Section, "One agent."),
        new("agents.list[].id", K.String, "Unique agent id (used in sessions and routing).") { Required = true },
        new("agents.list[].default", K.Boolean, "Marks the default agent; at most one. If none is marked, the first agent is the default.") { Default = "false" },
        new("agents.list[].identity", K.Section, "How the agent presents itself."),
        new("agents.list[].identity.name", K.String, "Persona name the agent uses for itself."),
        new("agents.list[].model", K.ModelSelection, "Model for this agent: a ref or `{primary, fallbacks}`; overrides `agents.defaults.model`."),
        new("agents.list[].model.primary", K.String, "Primary model ref for this agent."),
        new("agents.list[].model.fallbacks", K.StringList, "Fallback model refs for this agent.") { Default = "[]" },
        new("agents.list[].workspace", K.String, "Workspace folder for this agent; overrides `agents.defaults.workspace`."),
        new("agents.list[].tools", K.Section, "Tool policy for this agent, on top of `tools.allow` / `tools.deny`."),
        new("agents.list[].tools.allow", K.StringList, "Tool names this agent may use (`*` wildcards); empty means every tool the global policy allows.") { Default = "[]" },
        new("agents.list[].tools.deny", K.StringList, "Tool names this agent may not use (`*` wildcards); deny wins.") { Default = "[]" },
        new("agents.list[].budget", K.Section, "Per-day usage limit for this agent; each field overrides `agents.defaults.budget`."),
        new("agents.list[].budget.dailyTokens", K.Integer, "Tokens this agent may use per UTC day.") { Min = 1 },
        new("agents.list[].budget.dailyCostUsd", K.Number, "US dollars this agent may spend per UTC day.") { Min = 0 },

        new("models", K.Section, "Model providers."),
        new("models.providers", K.Map, "Providers by id. Built-in ids: `openrouter`, `openai`, `anthropic`, `azure-openai`; any other id is a custom provider and needs `api`."),
        new("models.providers.*", K.Section, "One provider."),
        new("models.providers.*.baseUrl", K.String, "API base URL; built-in providers have one already. For `azure-openai`, the resource endpoint."),
        new("models.providers.*.api", K.Enum, "Wire protocol the provider speaks. Built-in providers know theirs.") { Allowed = Apis },
        new("models.providers.*.apiKey", K.Secret, "API key. Secret. Leave it out for `azure-openai` to use Managed Identity / Entra ID."),
        new("models.providers.*.apiVersion", K.String, "Azure OpenAI `api-version` query value."),
        new("models.providers.*.headers", K.Map, "Extra HTTP headers sent with every request."),
        new("models.providers.*.headers.*", K.String, "A header value. Values of auth-like headers (`Authorization`, `*-key`, `*token*`) are secrets."),
        new("models.providers.*.models", K.List, "Models this provider offers, with their limits (needed for custom providers)."),
        new("models.providers.*.models[]", K.Section, "One model."),
        new("models.providers.*.models[].id", K.String, "Model id as the provider names it; refer to it as `<provider>/<id>`.") { Required = true },
        new("models.providers.*.models[].contextWindow", K.Integer, "Context window in tokens.") { Default = "128000", Min = 1 },
        new("models.providers.*.models[].maxTokens", K.Integer, "Maximum output tokens per reply.") { Default = "4096", Min = 1 },
        new("models.providers.*.models[].cost", K.Section, "Prices in US dollars per million tokens, for `dailyCostUsd` budgets and `/status`."),
        new("models.providers.*.models[].cost.input", K.Number, "Price of a million input tokens.") { Min = 0 },
        new("models.providers.*.models[].cost.output", K.Number, "Price of a million output tokens.") { Min = 0 },
        new("models.providers.*.models[].cost.cacheRead", K.Number, "Price of a million cached input tokens; `input` when unset.") { Min = 0 },
        new("models.providers.*.models[].cost.cacheWrite", K.Number, "Accepted for OpenClaw configs; not used (providers do not report cache writes alike).") { Min = 0 },

        new("channels", K.Section, "Chat channels. Each answers only who its `dm` settings allow."),
        new("channels.discord", K.Section, "Discord: our own Gateway v10 client. Configured when a token is set."),
        new("channels.discord.enabled", K.Boolean, "Turns the channel off without removing its settings.") { DefaultValue = true },
        new("channels.discord.token", K.Secret, "Bot token from the Discord Developer Portal. Secret."),
        new("channels.discord.apiBaseUrl", K.String, "Discord REST base URL (tests point it at a fake).") { DefaultValue = "https://discord.com/api/v10" },
        new("channels.discord.dm", K.Section, "Who may talk to the bot in direct messages."),
        new("channels.discord.dm.policy", K.Enum, "`pairing` (strangers get a one-time code), `allowlist`, `open` (needs `allowFrom: [\"*\"]`) or `disabled`.") { DefaultValue = "pairing", Allowed = ChannelDmPolicies },
        new("channels.discord.dm.allowFrom", K.StringList, "Discord user ids allowed to DM the bot (`*` = anyone, only with policy `open`).") { Default = "[]" },
        new("channels.discord.guilds", K.Map, "Servers (guild ids) the bot answers in; any other server is ignored."),
        new("channels.discord.guilds.*", K.Section, "One server."),
        new("channels.discord.guilds.*.channels", K.StringList, "Channel ids the bot answers in; empty means every channel of the server.") { Default = "[]" },
        new("channels.discord.guilds.*.requireMention", K.Boolean, "Answer only messages that mention the bot.") { DefaultValue = true },
        new("channels.discord.rateLimit", K.Section, "Per-sender message rate limit (per Discord user id, the owner included): a token bucket of `burst` messages refilled at `messages` per `perSeconds`. A limited sender gets one notice, further messages are dropped (never reach the model) until the bucket refills."),
        new("channels.discord.rateLimit.enabled", K.Boolean, "Turns the limit off (not recommended on an open channel).") { DefaultValue = true },
        new("channels.discord.rateLimit.messages", K.Integer, "Messages a sender may send per `perSeconds`, sustained.") { DefaultValue = 20L, Min = 1, Max = 10_000 },
        new("channels.discord.rateLimit.perSeconds", K.Integer, "The window `messages` is counted over, in seconds.") { DefaultValue = 60L, Min = 1, Max = 86_400 },
        new("channels.discord.rateLimit.burst", K.Integer, "Messages a sender may send back to back before the sustained rate applies.") { DefaultValue = 5L, Min = 1, Max = 10_000 },
        new("channels.telegram", K.Section, "Telegram Bot API. Configured when a bot token is set."),
        new("channels.telegram.enabled", K.Boolean, "Turns the channel off without removing its settings.") { DefaultValue = true },
        new("channels.telegram.botToken", K.Secret, "Bot token from @BotFather. Secret."),
        new("channels.telegram.apiRoot", K.String, "Bot API server (self-hosted servers and tests).") { DefaultValue = "https://api.telegram.org" },
        new("channels.telegram.webhookUrl", K.String, "Public HTTPS URL for webhook mode; long polling when unset."),
        new("channels.telegram.webhookSecret", K.Secret, "Secret Telegram sends in `X-Telegram-Bot-Api-Secret-Token`; generated when unset. Secret."),
        new("channels.telegram.dm", K.Section, "Who may talk to the bot in private chats."),
        new("channels.telegram.dm.policy", K.Enum, "`pairing`, `allowlist`, `open` (needs `allowFrom: [\"*\"]`) or `disabled`.") { DefaultValue = "pairing", Allowed = ChannelDmPolicies },
        new("channels.telegram.dm.allowFrom", K.StringList, "Telegram user ids allowed in private chats.") { Default = "[]" },
        new("channels.telegram.groups", K.Map, "Groups (chat ids) the bot answers in; any other group is ignored."),
        new("channels.telegram.groups.*", K.Section, "One group."),
        new("channels.telegram.groups.*.requireMention", K.Boolean, "Answer only messages that mention or reply to the bot.") { DefaultValue = true },
        new("channels.telegram.rateLimit", K.Section, "Per-sender message rate limit (per Telegram user id, the owner included): a token bucket of `burst` messages refilled at `messages` per `perSeconds`. A limited sender gets one notice, further messages are dropped (never reach the model) until the bucket refills."),
        new("channels.telegram.rateLimit.enabled", K.Boolean, "Turns the limit off (not recommended on an open channel).") { DefaultValue = true },
        new("channels.telegram.rateLimit.messages", K.Integer, "Messages a sender may send per `perSeconds`, sustained.") { DefaultValue = 20L, Min = 1, Max = 10_000 },
        new("channels.telegram.rateLimit.perSeconds", K.Integer, "The window `messages` is counted over, in seconds.") { DefaultValue = 60L, Min = 1, Max = 86_400 },
        new("channels.telegram.rateLimit.burst", K.Integer, "Messages a sender may send back to back before the sustained rate applies.") { DefaultValue = 5L, Min = 1, Max = 10_000 },
        new("channels.webchat", K.Section, "WebChat: the Control UI chat (WebSocket `chat.send`) and the OpenAI-compatible HTTP API; both need the gateway token."),
        new("channels.webchat.rateLimit", K.Section, "Per-sender message rate limit (per client address, shared by WebSocket `chat.send` and `POST /v1/chat/completions`): a token bucket of `burst` messages refilled at `messages` per `perSeconds`. A refused message never reaches the model: `chat.send` answers `RATE_LIMITED` with `retryAfterMs`, HTTP answers 429 with `Retry-After`."),
        new("channels.webchat.rateLimit.enabled", K.Boolean, "Turns the limit off (not recommended on an open channel).") { DefaultValue = true },
        new("channels.webchat.rateLimit.messages", K.Integer, "Messages a sender may send per `perSeconds`, sustained.") { DefaultValue = 20L, Min = 1, Max = 10_000 },
        new("channels.webchat.rateLimit.perSeconds", K.Integer, "The window `messages` is counted over, in seconds.") { DefaultValue = 60L, Min = 1, Max = 86_400 },
        new("channels.webchat.rateLimit.burst", K.Integer, "Messages a sender may send back to back before the sustained rate applies.") { DefaultValue = 5L, Min = 1, Max = 10_000 },
        new("tools", K.Section, "What the agent's tools may do. See docs/tools.md."),
        new("tools.allow", K.StringList, "Tool names the agents may use (`*` wildcards, e.g. `mcp__*`); empty means every tool.") { Default = "[]" },
        new("tools.deny", K.StringList, "Tool names no agent may use (`*` wildcards); deny wins over allow.") { Default = "[]" },
        new("tools.exec", K.Section, "The `exec` shell tool (and `process`, its background jobs)."),
        new("tools.exec.security", K.Enum, "`deny` (no commands), `allowlist` (only `tools.exec.allowlist`, others per `ask`) or `full` (any command).") { DefaultValue = "allowlist", Allowed = ExecSecurityModes },
        new("tools.exec.ask", K.Enum, "When the owner must approve a command in chat: `off`, `on-miss` (not in the allowlist) or `always`.") { DefaultValue = "on-miss", Allowed = ExecAskModes },
        new("tools.exec.allowlist", K.StringList, "Command patterns that run without asking, e.g. `git *`, `ls`; every part of `;`/`&&`/`|` chains must match.") { Default = "[]" },
        new("tools.exec.timeoutSeconds", K.Integer, "Default time limit of a command; the model may ask for less.") { DefaultValue = 30L, Min = 1 },
        new("tools.exec.maxTimeoutSeconds", K.Integer, "The longest time limit the model may ask for (background commands included).") { DefaultValue = 600L, Min = 1 },
        new("tools.exec.approvalTimeoutSeconds", K.Integer, "How long an approval request waits before it expires as denied.") { DefaultValue = 300L, Min = 1 },
        new("tools.exec.maxOutputBytes", K.Integer, "Output (stdout + stderr) kept per command; the rest is cut with a note.") { DefaultValue = 65536L, Min = 1024, Max = 4194304 },
        new("tools.exec.sandbox", K.Boolean, "Run commands under bubblewrap (`bwrap`): the workspace is the only writable path.") { DefaultValue = false },
        new("tools.exec.network", K.Boolean, "Let sandboxed commands use the network (only with `sandbox: true`).") { DefaultValue = false },

        new("tools.web", K.Section, "The web tools `web_fetch` and `web_search` (see docs/web-tools.md)."),
        new("tools.web.allowPrivate", K.StringList, "Private, loopback or link-local destinations `web_fetch` may reach anyway: a host or IP (`nas.local`, `10.0.0.5`), `host:port` (`127.0.0.1:8080`) or a CIDR (`192.168.1.0/24`). Everything else private is refused.") { Default = "[]" },
        new("tools.web.fetch", K.Section, "`web_fetch`: GET a URL and return its readable text."),
        new("tools.web.fetch.enabled", K.Boolean, "Offers `web_fetch` to the agent.") { DefaultValue = true },
        new("tools.web.fetch.maxChars", K.Integer, "Longest text returned to the model; the rest is cut with a note.") { DefaultValue = 50_000L, Min = 100, Max = 1_000_000 },
        new("tools.web.fetch.maxResponseBytes", K.Integer, "Most bytes read from one response; a larger body is cut there.") { DefaultValue = 2_000_000L, Min = 1_024, Max = 50_000_000 },
        new("tools.web.fetch.timeoutSeconds", K.Integer, "Time limit for one fetch, redirects and body included.") { DefaultValue = 20L, Min = 1, Max = 300 },
        new("tools.web.fetch.maxRedirects", K.Integer, "Redirects followed (each one re-checked against the private-address rules).") { DefaultValue = 5L, Min = 0, Max = 20 },
        new("tools.web.fetch.userAgent", K.String, "User-Agent header sent with fetches.") { Default = "a Chrome-like string ending in `MoltBot/1.0`" },
        new("tools.web.search", K.Section, "`web_search`: offered only when a provider is configured."),
        new("tools.web.search.enabled", K.Boolean, "Offers `web_search` when a provider is configured.") { DefaultValue = true },
        new("tools.web.search.provider", K.Enum, "`brave`, `tavily` or `searxng`. Unset: the first one configured, in that order.") { Allowed = WebSearchProviders },
        new("tools.web.search.maxResults", K.Integer, "Results per search unless the agent asks for fewer.") { DefaultValue = 5L, Min = 1, Max = 20 },
        new("tools.web.search.timeoutSeconds", K.Integer, "Time limit for one search request.") { DefaultValue = 20L, Min = 1, Max = 120 },
        new("tools.web.search.brave", K.Section, "Brave Search API."),
        new("tools.web.search.brave.apiKey", K.Secret, "Brave Search API key (sent as `X-Subscription-Token`). Secret."),
        new("tools.web.search.brave.baseUrl", K.String, "Brave Search API base URL (tests point it at a fake).") { DefaultValue = "https://api.search.brave.com" },
        new("tools.web.search.tavily", K.Section, "Tavily Search API."),
        new("tools.web.search.tavily.apiKey", K.Secret, "Tavily API key (sent as a bearer token). Secret."),
        new("tools.web.search.tavily.baseUrl", K.String, "Tavily API base URL (tests point it at a fake).") { DefaultValue = "https://api.tavily.com" },
        new("tools.web.search.searxng", K.Section, "A SearXNG instance (self-hosted, no key)."),
        new("tools.web.search.searxng.url", K.String, "Base URL of your SearXNG, e.g. `http://127.0.0.1:8888`; its `json` output format must be enabled."),
        new("skills", K.Section, "Skills: folders with a `SKILL.md` that teach the agent a task (see docs/skills.md)."),
        new("skills.load", K.Section, "Where skills come from besides `<workspace>/skills` and `<state dir>/skills`."),
        new("skills.load.extraDirs", K.StringList, "More folders of skills, lowest precedence; `~` is expanded.") { Default = "[]" },
        new("skills.entries", K.Map, "Per-skill settings, by skill name."),
        new("skills.entries.*", K.Section, "One skill."),
        new("skills.entries.*.enabled", K.Boolean, "`false` hides the skill from the agent even when its requirements are met.") { Default = "true" },
        new("skills.entries.*.env", K.Map, "Environment variables for the skill; one set here satisfies the skill's `requires.env`."),
        new("skills.entries.*.env.*", K.Secret, "A variable's value. Secret."),
        new("mcp", K.External, "MCP servers. Accepted; owned by the MCP feature."),
        new("session", K.External, "Session scoping and resets. Accepted; owned by the sessions feature."),
        new("memory", K.External, "Memory. Accepted; owned by the memory feature."),
        new("cron", K.External, "Scheduled jobs. Accepted; owned by the scheduling feature."),
        new("hooks", K.External, "Hooks. Accepted; owned by the hooks feature."),
        new("logging", K.Section, "Console logs (see docs/observability.md)."),
        new("logging.format", K.Enum, "`text`: `[area] message` lines; `json`: one JSON object per line with `time`, `level`, `event`, `message` and the values (the container image's default).") { DefaultValue = "text", Allowed = LogFormats },
        new("logging.level", K.Enum, "Lowest level printed.") { DefaultValue = "info", Allowed = LogLevels },
        new("messages", K.External, "Message handling. Accepted; owned by the channels feature."),
        new("commands", K.External, "Chat commands. Accepted; owned by the commands feature."),

        new("agent", K.Legacy, "Old OpenClaw shape.") { MovedTo = "agents.defaults" },
        new("identity", K.Legacy, "Old OpenClaw shape.") { MovedTo = "agents.list[].identity" },
    ];
}
