using MoltBot.Configuration;
using MoltBot.Security.Secrets;

namespace MoltBot.Tests.Configuration;

/// <summary><c>NAME_FILE</c> for secret variables: the Docker/Kubernetes/Container Apps secret-mount convention.</summary>
public sealed class ConfigSecretFileVariableTests
{
    [Fact]
    public void SecretVariable_FILE_ReadsTheFile_AsARotatingFileReference()
    {
        using var state = new TempState();
        var path = Path.Combine(state.StateDir, "openrouter-api-key");
        File.WriteAllText(path, "sk-or-from-file\n");
        state.Environment["OPENROUTER_API_KEY_FILE"] = path;

        var loaded = state.Load();

        var key = loaded.Config.Models.Providers["openrouter"].ApiKey!;
        Assert.Equal("sk-or-from-file", key.Value);
        Assert.Equal(new SecretReference(SecretSourceKind.File, path), key.Reference);
        Assert.True(key.Reference!.Rotates);
        Assert.Equal("openrouter/anthropic/claude-3.5-sonnet", loaded.Config.Agents.Defaults.Model.Primary);
        Assert.Equal("env OPENROUTER_API_KEY_FILE", loaded.Sources["models.providers.openrouter.apiKey"].ToString());
    }

    [Fact]
    public void SecretVariable_Itself_WinsOverIts_FILE()
    {
        using var state = new TempState(null, ("DISCORD_BOT_TOKEN", "from-env"), ("DISCORD_BOT_TOKEN_FILE", "/nonexistent/file"));

        Assert.Equal("from-env", state.Load().Config.Channels.Discord.Token!.Value);
    }

    [Theory]
    [InlineData("relative/path", "is not an absolute path")]
    [InlineData("/nonexistent/moltbot-secret", "Cannot read the secret file '/nonexistent/moltbot-secret' named by TELEGRAM_BOT_TOKEN_FILE")]
    public void Unusable_FILE_IsAConfigError_NamingTheKeyAndVariable(string path, string message)
    {
        using var state = new TempState(null, ("TELEGRAM_BOT_TOKEN_FILE", path));

        var issue = Assert.Single(state.LoadIssues());

        Assert.Equal("channels.telegram.botToken", issue.Key);
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
        Assert.Contains("TELEGRAM_BOT_TOKEN_FILE", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void NonSecretVariable_HasNo_FILE_Form()
    {
        using var state = new TempState(null, ("MOLTBOT_MODEL_FILE", "/etc/hostname"));

        Assert.Null(state.Load().Config.Agents.Defaults.Model.Primary);
    }
}
