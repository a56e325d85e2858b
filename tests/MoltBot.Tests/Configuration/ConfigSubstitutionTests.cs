using MoltBot.Configuration;

namespace MoltBot.Tests.Configuration;

public sealed class ConfigSubstitutionTests
{
    private static readonly Dictionary<string, string?> Env = new() { ["HOME_DIR"] = "/home/me", ["KEY_2"] = "sk" };

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("${HOME_DIR}/ws", "/home/me/ws")]
    [InlineData("a${KEY_2}b${KEY_2}", "askbsk")]
    [InlineData("$${HOME_DIR}", "${HOME_DIR}")]
    [InlineData("${lower}", "${lower}")]
    [InlineData("$HOME_DIR", "$HOME_DIR")]
    [InlineData("${UNCLOSED", "${UNCLOSED")]
    public void Expand_Values_SubstitutesUppercaseNamesOnly(string input, string expected)
    {
        Assert.Equal(expected, ConfigSubstitution.Expand(input, Env, out var missing));
        Assert.Null(missing);
    }

    [Fact]
    public void Expand_MissingVariable_NamesIt()
    {
        Assert.Null(ConfigSubstitution.Expand("x ${NOPE} y", Env, out var missing));
        Assert.Equal("NOPE", missing);
    }

    [Fact]
    public void Load_VariableInFile_IsSubstitutedAndKeepsFileSource()
    {
        using var state = new TempState("{\n  models: { providers: { openrouter: {\n    apiKey: '${MY_KEY}',\n  } } },\n  agents: { defaults: { workspace: '$${LITERAL}' } },\n}", ("MY_KEY", "sk-or"));

        var loaded = state.Load();

        Assert.Equal(new SecretValue("sk-or", $"{state.ConfigPath}:3 (models.providers.openrouter.apiKey)"), loaded.Config.Models.Providers["openrouter"].ApiKey);
        Assert.Equal("${LITERAL}", loaded.Config.Agents.Defaults.Workspace);
    }

    [Fact]
    public void Load_MissingVariableInFile_ErrorNamesKeyLineAndVariable()
    {
        using var state = new TempState("{\n  gateway: {\n    auth: { token: '${GW_TOKEN}' },\n  },\n}");

        var issue = Assert.Single(state.LoadIssues());

        Assert.Equal(("gateway.auth.token", state.ConfigPath, 3), (issue.Key, issue.File, issue.Line));
        Assert.Contains("'GW_TOKEN' is not set", issue.Message, StringComparison.Ordinal);
    }
}
