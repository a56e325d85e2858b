using MoltBot.Configuration;

namespace MoltBot.Tests.Providers;

/// <summary>Builds configs that point providers at the local fakes.</summary>
internal static class ProviderConfigs
{
    public static SecretValue Key(string value, string source) => new(value, source);

    public static MoltBotConfig With(params (string Id, ProviderConfig Provider)[] providers) => new()
    {
        Models = new ModelsConfig { Providers = providers.ToDictionary(p => p.Id, p => p.Provider) },
    };

    public static MoltBotConfig WithAgents(MoltBotConfig config, ModelSelection defaults, params AgentEntry[] agents) => config with
    {
        Agents = new AgentsConfig { Defaults = new AgentDefaults { Model = defaults }, List = agents },
    };
}
