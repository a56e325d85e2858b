using MoltBot.Cli;
using MoltBot.Tests.Configuration;

namespace MoltBot.Tests.Cli;

public sealed class ConfigSetCommandTests
{
    private const string Original = "// my MoltBot\n{\n  gateway: {\n    port: 18789, // keep me\n  },\n  /* providers */\n  models: { providers: {} },\n}\n";

    [Fact]
    public void Run_ValidValue_EditsInPlaceKeepingComments()
    {
        using var state = new TempState(Original);
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = ConfigSetCommand.Run("gateway.port", "8080", state.Environment, output, error);

        Assert.Equal(0, exit);
        Assert.Equal(Original.Replace("18789", "8080", StringComparison.Ordinal), state.ReadConfig());
        Assert.Equal($"Set gateway.port = 8080 in {state.ConfigPath}\n", output.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(8080, state.Load().Config.Gateway.Port);
    }

    [Fact]
    public void Run_NewProviderKey_InsertsAndRedactsInOutput()
    {
        using var state = new TempState(Original);
        var output = new StringWriter();

        var exit = ConfigSetCommand.Run("models.providers.openrouter.apiKey", "sk-or-123", state.Environment, output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.DoesNotContain("sk-or-123", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("// keep me", state.ReadConfig(), StringComparison.Ordinal);
        Assert.Contains("/* providers */", state.ReadConfig(), StringComparison.Ordinal);
        Assert.Equal("sk-or-123", state.Load().Config.Models.Providers["openrouter"].ApiKey!.Value);
    }

    [Theory]
    [InlineData("gateway.port", "not-a-port", "Expected an integer from 1 to 65535")]
    [InlineData("gateway.port", "99999", "out of range")]
    [InlineData("gateway.bind", "everywhere", "not a bind address")]
    [InlineData("models.providers.openai.api", "soap", "Valid: openai-completions")]
    [InlineData("gateway.prot", "1", "Did you mean 'gateway.port'?")]
    [InlineData("agent.model", "x", "moved to 'agents.defaults'")]
    public void Run_InvalidResult_RefusesAndLeavesFileUntouched(string key, string value, string expected)
    {
        using var state = new TempState(Original);
        var error = new StringWriter();

        var exit = ConfigSetCommand.Run(key, value, state.Environment, new StringWriter(), error);

        Assert.Equal(1, exit);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(Original, state.ReadConfig());
        Assert.Empty(Directory.GetFiles(state.StateDir, "*.tmp"));
    }

    [Fact]
    public void Run_FileWithSyntaxError_RefusesNamingLineAndColumn()
    {
        const string broken = "{\n  gateway: { port: 1\n}\n";
        using var state = new TempState(broken);
        var error = new StringWriter();

        Assert.Equal(1, ConfigSetCommand.Run("gateway.port", "2", state.Environment, new StringWriter(), error));
        Assert.Contains($"{state.ConfigPath}:4:1: (file): The file has a JSON5 syntax error", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(broken, state.ReadConfig());
    }

    [Fact]
    public void Run_NoStateFolder_CreatesFolderAndPrivateFile()
    {
        using var state = new TempState();
        var nested = Path.Combine(state.StateDir, "nested");
        state.Environment["MOLTBOT_STATE_DIR"] = nested;

        var exit = ConfigSetCommand.Run("gateway.auth.token", "secret", state.Environment, new StringWriter(), new StringWriter());

        Assert.Equal(0, exit);
        var file = Path.Combine(nested, "moltbot.json");
        Assert.Equal("{\n  \"gateway\": {\n    \"auth\": {\n      \"token\": \"secret\"\n    }\n  }\n}\n", File.ReadAllText(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(nested));
        }
        // No temp file left behind; the database next to it holds the audit log's config.change row.
        Assert.Equal(["moltbot.json"], Directory.GetFiles(nested).Select(Path.GetFileName).Where(f => !f!.StartsWith("moltbot.db", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("agents.defaults.model", "openrouter/x", "\"openrouter/x\"")]
    [InlineData("agents.defaults.model", "{primary: 'a/b', fallbacks: ['c/d']}", "{primary: 'a/b', fallbacks: ['c/d']}")]
    [InlineData("gateway.auth.token", "123456", "\"123456\"")]
    [InlineData("gateway.port", "0x50", "0x50")]
    [InlineData("agents.defaults.model.fallbacks", "['a/b']", "['a/b']")]
    public void ValueText_ByKeyType_KeepsJson5OrQuotesText(string key, string value, string expected)
    {
        var schemaKey = MoltBot.Configuration.Schema.ConfigSchema.Resolve(key, out _)!;

        Assert.Equal(expected, ConfigSetCommand.ValueText(schemaKey, value));
    }
}
