namespace MoltBot.Configuration.Schema;

/// <summary>Every environment variable the configuration reads. Environment beats the file; CLI flags beat the environment.</summary>
internal static class ConfigEnvironmentVariables
{
    public const string GatewayPort = "MOLTBOT_GATEWAY_PORT";
    public const string GatewayBind = "MOLTBOT_GATEWAY_BIND";
    public const string GatewayToken = "MOLTBOT_GATEWAY_TOKEN";
    public const string Model = "MOLTBOT_MODEL";
    public const string PersonaName = "MOLTBOT_PERSONA_NAME";
    public const string OpenRouterApiKey = "OPENROUTER_API_KEY";
    public const string OpenAiApiKey = "OPENAI_API_KEY";
    public const string AnthropicApiKey = "ANTHROPIC_API_KEY";
    public const string AzureEndpoint = "AZURE_OPENAI_ENDPOINT";
    public const string AzureApiKey = "AZURE_OPENAI_API_KEY";
    public const string AzureApiVersion = "AZURE_OPENAI_API_VERSION";
    public const string AzureDeployment = "AZURE_OPENAI_DEPLOYMENT";
    public const string DiscordBotToken = "DISCORD_BOT_TOKEN";
    public const string DiscordAllowedUsers = "DISCORD_ALLOWED_USERS";
    public const string TelegramBotToken = "TELEGRAM_BOT_TOKEN";
    public const string TelegramAllowedUsers = "TELEGRAM_ALLOWED_USER_ID";
    public const string LoggingFormat = "MOLTBOT_LOG_FORMAT";
    public const string LoggingLevel = "MOLTBOT_LOG_LEVEL";
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string AppInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AllowedIpRanges = "ALLOWED_IP_RANGES";
    public const string TrustedProxies = "MOLTBOT_TRUSTED_PROXIES";
    public const string BraveApiKey = "BRAVE_API_KEY";
    public const string TavilyApiKey = "TAVILY_API_KEY";
    public const string SearxngUrl = "SEARXNG_URL";

    public static IReadOnlyList<ConfigEnvironmentVariable> All { get; } =
    [
        new(MoltBotPaths.StateDirVariable, null, "State folder (config, database, workspace). Default `~/.moltbot`."),
        new(MoltBotPaths.ConfigPathVariable, null, "Config file. Default `<state dir>/moltbot.json`."),
        new(GatewayPort, "gateway.port", "Gateway port (integer 1-65535)."),
        new(GatewayBind, "gateway.bind", "Where the gateway listens: `loopback`, `lan` (all interfaces; what containers need) or an IP address."),
        new(GatewayToken, "gateway.auth.token", "Gateway auth token."),
        new(Model, "agents.defaults.model.primary", "Primary model ref for all agents."),
        new(PersonaName, null, "Sets `identity.name` of the default agent (`agents.list[n].identity.name`).") { Affects = "agents.list[].identity.name" },
        new(OpenRouterApiKey, "models.providers.openrouter.apiKey", "OpenRouter API key."),
        new(OpenAiApiKey, "models.providers.openai.apiKey", "OpenAI API key."),
        new(AnthropicApiKey, "models.providers.anthropic.apiKey", "Anthropic API key."),
        new(AzureEndpoint, "models.providers.azure-openai.baseUrl", "Azure OpenAI resource endpoint, e.g. `https://my-resource.openai.azure.com`."),
        new(AzureApiKey, "models.providers.azure-openai.apiKey", "Azure OpenAI key. Leave unset to use Managed Identity / Entra ID."),
        new(AzureApiVersion, "models.providers.azure-openai.apiVersion", "Azure OpenAI `api-version`."),
        new(DiscordBotToken, "channels.discord.token", "Discord bot token."),
        new(DiscordAllowedUsers, "channels.discord.dm.allowFrom", "Comma-separated Discord user ids allowed to DM the bot."),
        new(TelegramBotToken, "channels.telegram.botToken", "Telegram bot token."),
        new(TelegramAllowedUsers, "channels.telegram.dm.allowFrom", "Comma-separated Telegram user ids allowed in private chats."),
        new(LoggingFormat, "logging.format", "Log format: `text` or `json` (the container image sets `json`)."),
        new(LoggingLevel, "logging.level", "Lowest log level printed: `trace`, `debug`, `info`, `warn` or `error`."),
        new(OtlpEndpoint, "gateway.metrics.otlpEndpoint", "OTLP/HTTP collector base URL; metrics are pushed there when set (`OTEL_EXPORTER_OTLP_HEADERS` adds headers)."),
        new(AppInsightsConnectionString, "gateway.metrics.azureMonitorConnectionString", "Application Insights connection string; metrics go to Azure Monitor when set."),
        new(AllowedIpRanges, "gateway.allowedIpRanges", "Comma-separated CIDRs (or addresses) allowed to reach the gateway; others get 403."),
        new(TrustedProxies, "gateway.trustedProxies", "Comma-separated CIDRs of reverse proxies whose `X-Forwarded-For` is believed."),
        new(BraveApiKey, "tools.web.search.brave.apiKey", "Brave Search API key; enables `web_search`."),
        new(TavilyApiKey, "tools.web.search.tavily.apiKey", "Tavily API key; enables `web_search`."),
        new(SearxngUrl, "tools.web.search.searxng.url", "SearXNG base URL; enables `web_search`."),
        new(AzureDeployment, null, "Azure OpenAI deployment; with `AZURE_OPENAI_ENDPOINT` it makes `azure-openai/<deployment>` the default model.") { Affects = "agents.defaults.model.primary" },
    ];
}
