using System.Text.Json;
using MoltBot.Cli;
using MoltBot.Tests.Configuration;

namespace MoltBot.Tests.Cli;

public sealed class ConfigShowCommandTests
{
    private const string File = "{\n  gateway: { auth: { token: 'file-token' } },\n  models: { providers: { ollama: {\n    baseUrl: 'http://localhost:11434/v1', api: 'openai-completions',\n    headers: { Authorization: 'Bearer hdr', 'X-Trace': 'on' },\n  } } },\n}";

    [Fact]
    public void Run_Table_RedactsSecretsAndShowsSources()
    {
        using var state = new TempState(File, ("OPENROUTER_API_KEY", "sk-env"));
        var output = new StringWriter();

        var exit = ConfigShowCommand.Run(json: false, showSecrets: false, state.Environment, output, new StringWriter());

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.DoesNotContain("file-token", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-env", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer hdr", text, StringComparison.Ordinal);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal($"# config file: {state.ConfigPath}", lines[0]);
        Assert.Matches(@"^KEY\s+VALUE\s+SOURCE$", lines[1]);
        Assert.Matches($@"^gateway\.port\s+18789\s+default$", lines[2]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^gateway\.auth\.token\s+""\*\*\*""\s+file:{System.Text.RegularExpressions.Regex.Escape(state.ConfigPath)}:2$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^models\.providers\.openrouter\.apiKey\s+""\*\*\*""\s+env OPENROUTER_API_KEY$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^models\.providers\.ollama\.headers\.X-Trace\s+""on""\s+file:"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^agents\.defaults\.model\.primary\s+""openrouter/anthropic/claude-3.5-sonnet""\s+default \(OPENROUTER_API_KEY is set\)$"));
        var sourceColumn = lines[1].IndexOf("SOURCE", StringComparison.Ordinal);
        Assert.All(lines.Skip(2).Where(l => l.Length > 0), l => Assert.NotEqual(' ', l[sourceColumn]));
    }

    [Fact]
    public void Run_Json_IsMachineReadableAndRedacted()
    {
        using var state = new TempState(File, ("OPENROUTER_API_KEY", "sk-env"));
        var output = new StringWriter();

        ConfigShowCommand.Run(json: true, showSecrets: false, state.Environment, output, new StringWriter());

        using var doc = JsonDocument.Parse(output.ToString());
        var root = doc.RootElement;
        Assert.Equal(state.ConfigPath, root.GetProperty("configPath").GetString());
        Assert.True(root.GetProperty("fileExists").GetBoolean());
        var config = root.GetProperty("config");
        Assert.Equal(18789, config.GetProperty("gateway").GetProperty("port").GetInt32());
        Assert.Equal("***", config.GetProperty("gateway").GetProperty("auth").GetProperty("token").GetString());
        Assert.Equal("***", config.GetProperty("models").GetProperty("providers").GetProperty("ollama").GetProperty("headers").GetProperty("Authorization").GetString());
        Assert.Equal("main", config.GetProperty("agents").GetProperty("list")[0].GetProperty("id").GetString());
        var sources = root.GetProperty("sources");
        Assert.Equal("env OPENROUTER_API_KEY", sources.GetProperty("models.providers.openrouter.apiKey").GetString());
        Assert.Equal($"file:{state.ConfigPath}:2", sources.GetProperty("gateway.auth.token").GetString());
        Assert.DoesNotContain("sk-env", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ShowSecrets_PrintsThem()
    {
        using var state = new TempState(File);
        var output = new StringWriter();

        ConfigShowCommand.Run(json: true, showSecrets: true, state.Environment, output, new StringWriter());

        Assert.Contains("file-token", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidConfig_PrintsIssuesAndFails()
    {
        using var state = new TempState("{ gateway: { prot: 1 } }");
        var error = new StringWriter();

        Assert.Equal(1, ConfigShowCommand.Run(json: false, showSecrets: false, state.Environment, new StringWriter(), error));
        Assert.Contains("Did you mean 'gateway.port'?", error.ToString(), StringComparison.Ordinal);
    }
}
