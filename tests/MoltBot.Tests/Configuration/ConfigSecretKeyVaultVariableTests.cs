using MoltBot.Cli;
using MoltBot.Security.Secrets;

namespace MoltBot.Tests.Configuration;

/// <summary><c>NAME_KEYVAULT</c> for secret variables: a Key Vault reference from the environment alone (no config file).</summary>
public sealed class ConfigSecretKeyVaultVariableTests
{
    private const string Uri = "https://my-vault.vault.azure.net/secrets/openrouter-api-key";

    [Fact]
    public void SecretVariable_KEYVAULT_IsARotatingKeyVaultReference_LeftForTheStoreToFetch()
    {
        using var state = new TempState(null, ("OPENROUTER_API_KEY_KEYVAULT", Uri));

        var loaded = state.Load();

        var key = loaded.Config.Models.Providers["openrouter"].ApiKey!;
        Assert.Equal(new SecretReference(SecretSourceKind.KeyVault, Uri), key.Reference);
        Assert.True(key.Reference!.Rotates);
        Assert.Equal("", key.Value);
        Assert.Equal("openrouter/anthropic/claude-3.5-sonnet", loaded.Config.Agents.Defaults.Model.Primary);
        Assert.Equal("env OPENROUTER_API_KEY_KEYVAULT", loaded.Sources["models.providers.openrouter.apiKey"].ToString());
    }

    [Fact]
    public void SecretVariable_KEYVAULT_WithAVersion_IsPinned()
    {
        using var state = new TempState(null, ("DISCORD_BOT_TOKEN_KEYVAULT", "https://my-vault.vault.azure.net/secrets/discord-bot-token/0123456789abcdef"));

        Assert.False(state.Load().Config.Channels.Discord.Token!.Reference!.Rotates);
    }

    [Fact]
    public void ConfigShow_KEYVAULT_PrintsTheReferenceAndTheVariable_NeverAValue()
    {
        using var state = new TempState(null, ("MOLTBOT_GATEWAY_TOKEN_KEYVAULT", "https://my-vault.vault.azure.net/secrets/gateway-token"));
        var output = new StringWriter();

        Assert.Equal(0, ConfigShowCommand.Run(json: false, showSecrets: false, state.Environment, output, new StringWriter()));

        Assert.Contains(output.ToString().ReplaceLineEndings("\n").Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l,
            @"^gateway\.auth\.token\s+keyvault:https://my-vault\.vault\.azure\.net/secrets/gateway-token\s+env MOLTBOT_GATEWAY_TOKEN_KEYVAULT$"));
    }

    [Fact]
    public void SecretVariable_Itself_WinsOverIts_KEYVAULT()
    {
        using var state = new TempState(null, ("TELEGRAM_BOT_TOKEN", "123:from-env"), ("TELEGRAM_BOT_TOKEN_KEYVAULT", "not a uri"));

        var token = state.Load().Config.Channels.Telegram.BotToken!;

        Assert.Equal(("123:from-env", null), (token.Value, token.Reference));
    }

    [Fact]
    public void Both_FILE_And_KEYVAULT_IsAConfigError_SayingWhichToUnset()
    {
        using var state = new TempState(null, ("OPENROUTER_API_KEY_FILE", "/run/secrets/openrouter-api-key"), ("OPENROUTER_API_KEY_KEYVAULT", Uri));

        var issue = Assert.Single(state.LoadIssues());

        Assert.Equal("models.providers.openrouter.apiKey", issue.Key);
        Assert.Contains("Both OPENROUTER_API_KEY_FILE and OPENROUTER_API_KEY_KEYVAULT are set", issue.Message, StringComparison.Ordinal);
        Assert.Contains("Unset OPENROUTER_API_KEY_FILE", issue.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my-vault/openrouter-api-key")]
    [InlineData("https://my-vault.vault.azure.net/keys/openrouter-api-key")]
    [InlineData("http://my-vault.vault.azure.net/secrets/openrouter-api-key")]
    [InlineData("https://my-vault.vault.azure.net/secrets/openrouter-api-key?api-version=7.4")]
    [InlineData("https://my-vault.vault.azure.net/secrets/open_router")]
    public void Malformed_KEYVAULT_IsAConfigError_NamingTheVariableAndTheFix(string uri)
    {
        using var state = new TempState(null, ("OPENROUTER_API_KEY_KEYVAULT", uri));

        var issue = Assert.Single(state.LoadIssues());

        Assert.Equal("models.providers.openrouter.apiKey", issue.Key);
        Assert.Equal($"Environment variable OPENROUTER_API_KEY_KEYVAULT='{uri}' is not a Key Vault secret URI.", issue.Message);
        Assert.Contains("Set OPENROUTER_API_KEY_KEYVAULT to https://VAULT.vault.azure.net/secrets/openrouter-api-key", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void NonSecretVariable_HasNo_KEYVAULT_Form()
    {
        using var state = new TempState(null, ("MOLTBOT_MODEL_KEYVAULT", "https://my-vault.vault.azure.net/secrets/model"));

        Assert.Null(state.Load().Config.Agents.Defaults.Model.Primary);
    }
}
