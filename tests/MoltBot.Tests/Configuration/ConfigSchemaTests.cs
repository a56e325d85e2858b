using MoltBot.Configuration.Schema;

namespace MoltBot.Tests.Configuration;

public sealed class ConfigSchemaTests
{
    [Fact]
    public void Keys_EveryParent_IsASectionMapOrList()
    {
        Assert.All(ConfigSchema.Keys, k => Assert.True(ConfigSchema.Find(k.Parent) is { Kind: ConfigValueKind.Section or ConfigValueKind.Map or ConfigValueKind.List or ConfigValueKind.ModelSelection }, k.Path));
        Assert.Equal(ConfigSchema.Keys.Count, ConfigSchema.Keys.Select(k => k.Path).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EnvironmentVariables_Targets_ResolveToKeys()
    {
        Assert.All(ConfigEnvironmentVariables.All.Where(v => v.Target is not null), v => Assert.NotNull(ConfigSchema.Resolve(v.Target!, out _)));
    }

    [Theory]
    [InlineData("gateway.port", "gateway.port")]
    [InlineData("agents.list[3].identity.name", "agents.list[].identity.name")]
    [InlineData("models.providers.my-llm.models[0].maxTokens", "models.providers.*.models[].maxTokens")]
    [InlineData("models.providers.x.headers.X-Api-Key", "models.providers.*.headers.*")]
    [InlineData("agents.defaults.model", "agents.defaults.model")]
    public void Resolve_ConcretePath_FindsPattern(string path, string pattern)
    {
        Assert.Equal(pattern, ConfigSchema.Resolve(path, out _)?.Path);
    }

    [Theory]
    [InlineData("gateway.prot", "Did you mean 'gateway.port'?")]
    [InlineData("models.providers.x.baseURL", "Did you mean 'models.providers.x.baseUrl'?")]
    [InlineData("agents.list.id", "use agents.list[0].id")]
    [InlineData("gateway[0]", "is not a list")]
    [InlineData("gateway.port.x", "has no keys below it")]
    [InlineData("identity.name", "has moved to 'agents.list[].identity'")]
    [InlineData("mcp.servers", "edit the file directly")]
    [InlineData("a..b", "is not a key path")]
    public void Resolve_BadPath_ExplainsWhy(string path, string expected)
    {
        Assert.Null(ConfigSchema.Resolve(path, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Authorization", true)]
    [InlineData("X-Api-Key", true)]
    [InlineData("x-auth-token", true)]
    [InlineData("X-Trace", false)]
    public void IsSecret_Headers_ByName(string header, bool secret)
    {
        var key = ConfigSchema.Find("models.providers.*.headers.*")!;

        Assert.Equal(secret, ConfigSchema.IsSecret(key, $"models.providers.p.headers.{header}"));
    }
}
