namespace MoltBot.Configuration;

/// <summary>The effective configuration: defaults, then config file, then environment, then CLI flags.</summary>
internal sealed record MoltBotConfig
{
    public GatewayConfig Gateway { get; init; } = new();
    public AgentsConfig Agents { get; init; } = new();
    public ModelsConfig Models { get; init; } = new();
    public ChannelsConfig Channels { get; init; } = new();
    public ToolsConfig Tools { get; init; } = new();
    public SkillsConfig Skills { get; init; } = new();
    public McpConfig Mcp { get; init; } = new();
    public LoggingConfig Logging { get; init; } = new();
}

internal sealed record GatewayConfig
{
    public const int DefaultPort = 18789;

    public int Port { get; init; } = DefaultPort;

    /// <summary><c>loopback</c> (default), <c>lan</c>, or an IP address.</summary>
    public string Bind { get; init; } = "loopback";

    public GatewayAuthConfig Auth { get; init; } = new();
    public MetricsConfig Metrics { get; init; } = new();

    /// <summary>CIDRs or addresses allowed to reach the gateway; empty allows any.</summary>
    public IReadOnlyList<string> AllowedIpRanges { get; init; } = [];

    /// <summary>CIDRs or addresses of reverse proxies whose <c>X-Forwarded-For</c> is believed.</summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>Drop the binary's clean start-up pages from the resident set once the gateway has settled (Linux).</summary>
    public bool TrimWorkingSet { get; init; } = true;

    public ControlUiConfig ControlUi { get; init; } = new();
}

internal sealed record ControlUiConfig
{
    /// <summary>Browser origins besides the gateway's own that may open its WebSocket (e.g. a reverse proxy's public URL).</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];
}

internal sealed record GatewayAuthConfig
{
    public SecretValue? Token { get; init; }
    public GatewayAuthRateLimitConfig RateLimit { get; init; } = new();
}

internal sealed record AgentsConfig
{
    public AgentDefaults Defaults { get; init; } = new();
    public IReadOnlyList<AgentEntry> List { get; init; } = [];
}

internal sealed record AgentDefaults
{
    public ModelSelection Model { get; init; } = new();

    /// <summary>Workspace folder; null means <c>&lt;stateDir&gt;/workspace</c>.</summary>
    public string? Workspace { get; init; }
    public BudgetConfig Budget { get; init; } = new();

    /// <summary>Agent turns that may run at once across all sessions; more wait their turn (<c>agents.defaults.maxConcurrent</c>).</summary>
    public int MaxConcurrent { get; init; } = DefaultMaxConcurrent;

    public const int DefaultMaxConcurrent = 4;

    /// <summary>The owner's IANA time zone (daily memory notes are named by its date); null means UTC.</summary>
    public string? UserTimezone { get; init; }
    public MemorySearchConfig MemorySearch { get; init; } = new();
}

internal sealed record ModelSelection
{
    public string? Primary { get; init; }
    public IReadOnlyList<string> Fallbacks { get; init; } = [];
}

internal sealed record AgentEntry
{
    public required string Id { get; init; }
    public bool Default { get; init; }
    public AgentIdentity Identity { get; init; } = new();

    /// <summary>Overrides <c>agents.defaults.model</c> for this agent when set.</summary>
    public ModelSelection? Model { get; init; }
    public string? Workspace { get; init; }

    /// <summary>This agent's <c>tools.allow</c>/<c>tools.deny</c>, applied on top of the global ones.</summary>
    public ToolPolicyConfig Tools { get; init; } = new();
    /// <summary>Overrides <c>agents.defaults.budget</c> field by field.</summary>
    public BudgetConfig Budget { get; init; } = new();
}

internal sealed record AgentIdentity
{
    public string? Name { get; init; }
}

internal sealed record ModelsConfig
{
    /// <summary>Provider id to settings. Built-in providers appear here only when configured or when their env key is set.</summary>
    public IReadOnlyDictionary<string, ProviderConfig> Providers { get; init; } = new Dictionary<string, ProviderConfig>();
}

internal sealed record ProviderConfig
{
    public string? BaseUrl { get; init; }

    /// <summary><c>openai-completions</c>, <c>anthropic-messages</c> or <c>azure-openai</c>.</summary>
    public string? Api { get; init; }
    public SecretValue? ApiKey { get; init; }

    /// <summary>Azure OpenAI <c>api-version</c> query value.</summary>
    public string? ApiVersion { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<ModelDefinition> Models { get; init; } = [];
}

internal sealed record ModelDefinition
{
    public required string Id { get; init; }
    public int? ContextWindow { get; init; }
    public int? MaxTokens { get; init; }
    public ModelCost? Cost { get; init; }
}

internal sealed record ChannelsConfig
{
    public DiscordChannelConfig Discord { get; init; } = new();
    public TelegramChannelConfig Telegram { get; init; } = new();
    public WebChatChannelConfig WebChat { get; init; } = new();
}

/// <summary><c>channels.webchat</c>: the Control UI's chat (WebSocket <c>chat.send</c>) and the OpenAI-compatible HTTP API.</summary>
internal sealed record WebChatChannelConfig
{
    public RateLimitConfig RateLimit { get; init; } = new();
}

/// <summary>Who may send direct messages: <c>dm.policy</c> and <c>dm.allowFrom</c>.</summary>
internal sealed record DmConfig
{
    public string Policy { get; init; } = "pairing";
    public IReadOnlyList<string> AllowFrom { get; init; } = [];
}

internal sealed record DiscordChannelConfig
{
    public bool Enabled { get; init; } = true;
    public SecretValue? Token { get; init; }
    public string ApiBaseUrl { get; init; } = "https://discord.com/api/v10";
    public DmConfig Dm { get; init; } = new();
    public IReadOnlyDictionary<string, DiscordGuildConfig> Guilds { get; init; } = new Dictionary<string, DiscordGuildConfig>();
    public RateLimitConfig RateLimit { get; init; } = new();

    public bool IsConfigured => Enabled && Token is not null;
}

internal sealed record DiscordGuildConfig
{
    public IReadOnlyList<string> Channels { get; init; } = [];
    public bool RequireMention { get; init; } = true;
}

internal sealed record TelegramChannelConfig
{
    public bool Enabled { get; init; } = true;
    public SecretValue? BotToken { get; init; }
    public string ApiRoot { get; init; } = "https://api.telegram.org";
    public string? WebhookUrl { get; init; }
    public SecretValue? WebhookSecret { get; init; }
    public DmConfig Dm { get; init; } = new();
    public IReadOnlyDictionary<string, TelegramGroupConfig> Groups { get; init; } = new Dictionary<string, TelegramGroupConfig>();
    public RateLimitConfig RateLimit { get; init; } = new();

    public bool IsConfigured => Enabled && BotToken is not null;
}

internal sealed record TelegramGroupConfig
{
    public bool RequireMention { get; init; } = true;
}
