namespace MoltBot.Configuration;

/// <summary>
/// Loads the effective configuration. Precedence, highest first: CLI flag, environment, config file, default.
/// STUB: environment only; the configuration feature replaces this with the JSON5 file loader and validator.
/// </summary>
internal static class ConfigLoader
{
    public static LoadedConfig Load(ConfigLoadRequest request)
    {
        var env = request.Environment;
        var paths = MoltBotPaths.Resolve(env);
        var providers = new Dictionary<string, ProviderConfig>();
        if (env.GetValueOrDefault("OPENAI_API_KEY") is { Length: > 0 } openAiKey)
        {
            providers["openai"] = new ProviderConfig { ApiKey = new SecretValue(openAiKey, "env OPENAI_API_KEY") };
        }
        var config = new MoltBotConfig
        {
            Gateway = new GatewayConfig
            {
                Port = request.CliOverrides.TryGetValue("gateway.port", out var p) ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : GatewayConfig.DefaultPort,
                Bind = request.CliOverrides.GetValueOrDefault("gateway.bind") ?? "loopback",
                Auth = new GatewayAuthConfig { Token = env.GetValueOrDefault("MOLTBOT_GATEWAY_TOKEN") is { Length: > 0 } t ? new SecretValue(t, "env MOLTBOT_GATEWAY_TOKEN") : null },
            },
            Agents = new AgentsConfig { Defaults = new AgentDefaults { Model = new ModelSelection { Primary = env.GetValueOrDefault("MOLTBOT_MODEL") } } },
            Models = new ModelsConfig { Providers = providers },
        };
        return new LoadedConfig(config, paths, FileExists: false);
    }
}

/// <param name="Environment">The process environment (a snapshot, so tests can pass their own).</param>
/// <param name="CliOverrides">Config key path (e.g. <c>gateway.port</c>) to the value given by a CLI flag.</param>
internal sealed record ConfigLoadRequest(
    IReadOnlyDictionary<string, string?> Environment,
    IReadOnlyDictionary<string, string> CliOverrides)
{
    public static ConfigLoadRequest FromProcess(IReadOnlyDictionary<string, string>? cliOverrides = null) =>
        new(ProcessEnvironment.Snapshot(), cliOverrides ?? new Dictionary<string, string>());
}

internal sealed record LoadedConfig(MoltBotConfig Config, MoltBotPaths Paths, bool FileExists);
