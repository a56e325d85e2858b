namespace MoltBot.Configuration;

/// <summary>Turns the effective leaves into the typed <see cref="MoltBotConfig"/> records.</summary>
internal static class ConfigRecordBuilder
{
    public static MoltBotConfig Build(ConfigValues values) => new()
    {
        Gateway = new GatewayConfig
        {
            Port = (int)(values.GetInteger("gateway.port") ?? GatewayConfig.DefaultPort),
            Bind = values.GetString("gateway.bind") ?? "loopback",
            Auth = new GatewayAuthConfig { Token = Secret(values, "gateway.auth.token"), RateLimit = GatewayAuthRateLimitConfig.From(values) },
            ControlUi = new ControlUiConfig { AllowedOrigins = values.GetList("gateway.controlUi.allowedOrigins") ?? [] },
            AllowedIpRanges = values.GetList("gateway.allowedIpRanges") ?? [],
            TrustedProxies = values.GetList("gateway.trustedProxies") ?? [],
            TrimWorkingSet = values.GetBoolean("gateway.trimWorkingSet") ?? true,
            Metrics = new MetricsConfig
            {
                Enabled = values.GetBoolean("gateway.metrics.enabled") ?? true,
                Public = values.GetBoolean("gateway.metrics.public") ?? false,
                OtlpEndpoint = values.GetString("gateway.metrics.otlpEndpoint"),
                AzureMonitorConnectionString = Secret(values, "gateway.metrics.azureMonitorConnectionString"),
            },
        },
        Agents = new AgentsConfig
        {
            Defaults = new AgentDefaults
            {
                Model = Model(values, "agents.defaults.model") ?? new ModelSelection(),
                Workspace = Folder(values.GetString("agents.defaults.workspace")),
                Budget = Budget(values, "agents.defaults.budget"),
                MaxConcurrent = (int)(values.GetInteger("agents.defaults.maxConcurrent") ?? AgentDefaults.DefaultMaxConcurrent),
                UserTimezone = values.GetString("agents.defaults.userTimezone"),
                MemorySearch = MemorySearchConfigBuilder.Build(values),
            },
            List = [.. Enumerable.Range(0, values.Count("agents.list")).Select(i => Agent(values, $"agents.list[{i}]"))],
        },
        Models = new ModelsConfig
        {
            Providers = values.MemberNames("models.providers").ToDictionary(id => id, id => Provider(values, "models.providers." + id), StringComparer.Ordinal),
        },
        Logging = new LoggingConfig
        {
            Format = values.GetString("logging.format") ?? "text",
            Level = values.GetString("logging.level") ?? "info",
        },
        Channels = new ChannelsConfig
        {
            Discord = new DiscordChannelConfig
            {
                Enabled = values.GetBoolean("channels.discord.enabled") ?? true,
                Token = Secret(values, "channels.discord.token"),
                ApiBaseUrl = values.GetString("channels.discord.apiBaseUrl") ?? new DiscordChannelConfig().ApiBaseUrl,
                Dm = Dm(values, "channels.discord.dm"),
                Guilds = values.MemberNames("channels.discord.guilds").ToDictionary(id => id, id => new DiscordGuildConfig
                {
                    Channels = values.GetList($"channels.discord.guilds.{id}.channels") ?? [],
                    RequireMention = values.GetBoolean($"channels.discord.guilds.{id}.requireMention") ?? true,
                }, StringComparer.Ordinal),
                RateLimit = RateLimitConfig.From(values, "channels.discord.rateLimit"),
            },
            Telegram = new TelegramChannelConfig
            {
                Enabled = values.GetBoolean("channels.telegram.enabled") ?? true,
                BotToken = Secret(values, "channels.telegram.botToken"),
                ApiRoot = values.GetString("channels.telegram.apiRoot") ?? new TelegramChannelConfig().ApiRoot,
                WebhookUrl = values.GetString("channels.telegram.webhookUrl"),
                WebhookSecret = Secret(values, "channels.telegram.webhookSecret"),
                Dm = Dm(values, "channels.telegram.dm"),
                Groups = values.MemberNames("channels.telegram.groups").ToDictionary(id => id, id => new TelegramGroupConfig
                {
                    RequireMention = values.GetBoolean($"channels.telegram.groups.{id}.requireMention") ?? true,
                }, StringComparer.Ordinal),
                RateLimit = RateLimitConfig.From(values, "channels.telegram.rateLimit"),
            },
            WebChat = new WebChatChannelConfig { RateLimit = RateLimitConfig.From(values, "channels.webchat.rateLimit") },
        },
        Tools = ToolsConfigBuilder.Build(values),
        Skills = SkillsConfigBuilder.Build(values),
        Mcp = McpConfigBuilder.Build(values),
    };

    private static DmConfig Dm(ConfigValues values, string path) => new()
    {
        Policy = values.GetString(path + ".policy") ?? "pairing",
        AllowFrom = values.GetList(path + ".allowFrom") ?? [],
    };

    private static AgentEntry Agent(ConfigValues values, string path) => new()
    {
        Id = values.GetString(path + ".id") ?? "",
        Default = values.GetBoolean(path + ".default") ?? false,
        Identity = new AgentIdentity { Name = values.GetString(path + ".identity.name") },
        Model = Model(values, path + ".model"),
        Workspace = Folder(values.GetString(path + ".workspace")),
        Tools = ToolsConfigBuilder.Policy(values, path + ".tools"),
        Budget = Budget(values, path + ".budget"),
    };

    private static BudgetConfig Budget(ConfigValues values, string path) => new()
    {
        DailyTokens = values.GetInteger(path + ".dailyTokens"),
        DailyCostUsd = values.GetNumber(path + ".dailyCostUsd"),
    };

    private static ModelCost? Cost(ConfigValues values, string path) =>
        values.GetNumber(path + ".input") is null && values.GetNumber(path + ".output") is null ? null : new ModelCost
        {
            Input = values.GetNumber(path + ".input") ?? 0,
            Output = values.GetNumber(path + ".output") ?? 0,
            CacheRead = values.GetNumber(path + ".cacheRead"),
        };

    private static ProviderConfig Provider(ConfigValues values, string path) => new()
    {
        BaseUrl = values.GetString(path + ".baseUrl"),
        Api = values.GetString(path + ".api"),
        ApiKey = Secret(values, path + ".apiKey"),
        ApiVersion = values.GetString(path + ".apiVersion"),
        Headers = Headers(values, path + ".headers"),
        Models = [.. Enumerable.Range(0, values.Count(path + ".models")).Select(i => new ModelDefinition
        {
            Id = values.GetString($"{path}.models[{i}].id") ?? "",
            ContextWindow = (int?)values.GetInteger($"{path}.models[{i}].contextWindow"),
            MaxTokens = (int?)values.GetInteger($"{path}.models[{i}].maxTokens"),
            Cost = Cost(values, $"{path}.models[{i}].cost"),
        })],
    };

    private static Dictionary<string, string> Headers(ConfigValues values, string path)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in values.MemberNames(path))
        {
            headers[name] = values.GetString($"{path}.{name}")!;
        }
        return headers;
    }

    private static ModelSelection? Model(ConfigValues values, string path)
    {
        var primary = values.GetString(path + ".primary");
        var fallbacks = values.GetList(path + ".fallbacks");
        return primary is null && fallbacks is null ? null : new ModelSelection { Primary = primary, Fallbacks = fallbacks ?? [] };
    }

    private static SecretValue? Secret(ConfigValues values, string path) => values.GetSecret(path);

    private static string? Folder(string? path) => path is null ? null : MoltBotPaths.ExpandHome(path);
}
