using MoltBot.Configuration.Schema;
using static MoltBot.Configuration.Schema.ConfigEnvironmentVariables;

namespace MoltBot.Configuration;

/// <summary>The lowest layer: schema defaults, exactly one default agent, and a default model picked from the keys that are set.</summary>
internal static class ConfigDefaults
{
    public const string DefaultAgentId = "main";

    public static void ApplySchemaDefaults(ConfigValues values)
    {
        // Only concrete paths: a pattern's default (`groups.*.requireMention`) applies to each entry the record builder reads,
        // and setting it literally would create a "*" entry, i.e. allow every group.
        foreach (var key in ConfigSchema.Keys.Where(k => k.DefaultValue is not null && !k.Path.Contains('*', StringComparison.Ordinal) && !k.Path.Contains("[]", StringComparison.Ordinal) && values.Find(k.Path) is null))
        {
            values.Set(key.Path, key, key.DefaultValue!, ConfigValueSource.Default);
        }
    }

    /// <summary>Makes sure one agent is the default: a lone <c>main</c> when the list is empty, else the first one when none is marked.</summary>
    /// <returns>The default agent's index.</returns>
    public static int EnsureDefaultAgent(ConfigValues values)
    {
        var count = values.Count("agents.list");
        for (var i = 0; i < count; i++)
        {
            if (values.GetBoolean($"agents.list[{i}].default") == true)
            {
                return i;
            }
        }
        if (count == 0)
        {
            values.Set("agents.list[0].id", ConfigSchema.Find("agents.list[].id")!, DefaultAgentId, ConfigValueSource.DefaultBecause("agents.list is empty"));
        }
        values.Set("agents.list[0].default", ConfigSchema.Find("agents.list[].default")!, true, ConfigValueSource.DefaultBecause(count == 0 ? "agents.list is empty" : "first agent"));
        return 0;
    }

    /// <summary>When no primary model is configured anywhere, picks one for the first provider that has a key (OpenRouter, Anthropic, OpenAI, then Azure OpenAI).</summary>
    public static void ApplyDefaultModel(IReadOnlyDictionary<string, string?> environment, ConfigValues values)
    {
        const string path = "agents.defaults.model.primary";
        if (values.Find(path) is not null)
        {
            return;
        }
        var (model, because) = ApiKeyDefault(values, "openrouter", "openrouter/anthropic/claude-3.5-sonnet")
            ?? ApiKeyDefault(values, "anthropic", "anthropic/claude-3-5-sonnet-latest")
            ?? ApiKeyDefault(values, "openai", "openai/gpt-4o-mini")
            ?? AzureDefault(environment, values)
            ?? (null!, null!);
        if (model is not null)
        {
            values.Set(path, ConfigSchema.Find(path)!, model, ConfigValueSource.DefaultBecause(because));
        }
    }

    private static (string Model, string Because)? ApiKeyDefault(ConfigValues values, string provider, string model) =>
        values.Find($"models.providers.{provider}.apiKey") is { } key
            ? (model, key.Source.Kind == ConfigSourceKind.Environment ? $"{key.Source.Detail} is set" : $"models.providers.{provider}.apiKey is set")
            : null;

    private static (string Model, string Because)? AzureDefault(IReadOnlyDictionary<string, string?> environment, ConfigValues values) =>
        values.Find("models.providers.azure-openai.baseUrl") is not null && ConfigEnvironmentReader.Get(environment, AzureDeployment) is { } deployment
            ? ($"azure-openai/{deployment}", $"{AzureDeployment} is set")
            : null;
}
