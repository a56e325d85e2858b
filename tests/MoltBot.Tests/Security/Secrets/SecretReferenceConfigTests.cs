using MoltBot.Cli;
using MoltBot.Security.Secrets;
using MoltBot.Tests.Configuration;

namespace MoltBot.Tests.Security.Secrets;

/// <summary>Secret references in the config file: the three forms, and a clear error for each way to get one wrong.</summary>
public sealed class SecretReferenceConfigTests : IDisposable
{
    private readonly DirectoryInfo _secrets = Directory.CreateTempSubdirectory("moltbot-secrets-");

    public void Dispose() => _secrets.Delete(recursive: true);

    private string SecretFile(string name, string content)
    {
        var path = Path.Combine(_secrets.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string ProviderKey(string reference) => $$"""{ models: { providers: { openai: { apiKey: {{reference}} } } } }""";

    [Fact]
    public void FileReference_ReadsTheFile_TrailingNewlineTrimmed()
    {
        var path = SecretFile("openai-api-key", "sk-from-a-mounted-file\n");
        using var state = new TempState(ProviderKey($$"""{ source: "file", path: "{{path}}" }"""));

        var key = state.Load().Config.Models.Providers["openai"].ApiKey!;

        Assert.Equal("sk-from-a-mounted-file", key.Value);
        Assert.Equal(new SecretReference(SecretSourceKind.File, path), key.Reference);
        Assert.Contains("file:" + path, key.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvReference_ReadsTheVariable()
    {
        using var state = new TempState(ProviderKey("""{ source: "env", id: "MY_OPENAI_KEY" }"""), ("MY_OPENAI_KEY", "sk-from-the-environment"));

        Assert.Equal("sk-from-the-environment", state.Load().Config.Models.Providers["openai"].ApiKey!.Value);
    }

    [Fact]
    public void KeyVaultReference_IsParsed_AndLeftForTheStoreToFetch()
    {
        using var state = new TempState("""{ channels: { discord: { token: { source: "keyvault", uri: "https://my-vault.vault.azure.net/secrets/discord-token" } } } }""");

        var token = state.Load().Config.Channels.Discord.Token!;

        Assert.Equal(SecretSourceKind.KeyVault, token.Reference!.Kind);
        Assert.True(token.Reference.Rotates);
        Assert.Equal("", token.Value);
    }

    [Fact]
    public void KeyVaultReference_WithVersion_IsPinned()
    {
        var uri = KeyVaultSecretUri.Parse("https://my-vault.vault.azure.net/secrets/gw-token/0123456789abcdef")!;

        Assert.True(uri.IsPinned);
        Assert.False(new SecretReference(SecretSourceKind.KeyVault, "https://my-vault.vault.azure.net/secrets/gw-token/0123456789abcdef").Rotates);
        Assert.Equal("https://my-vault.vault.azure.net/secrets/gw-token/0123456789abcdef", uri.SecretUri.ToString());
    }

    [Theory]
    [InlineData("""{ source: "keyvalt", uri: "https://v.vault.azure.net/secrets/x" }""", "models.providers.openai.apiKey.source", "Did you mean 'keyvault'?")]
    [InlineData("""{ path: "/run/secrets/x" }""", "models.providers.openai.apiKey", "\"source\"")]
    [InlineData("""{ source: "file" }""", "models.providers.openai.apiKey", "Add \"path\"")]
    [InlineData("""{ source: "file", path: "relative/key" }""", "models.providers.openai.apiKey.path", "absolute path")]
    [InlineData("""{ source: "file", path: "/nonexistent/moltbot/secret" }""", "models.providers.openai.apiKey", "Mount or create the file")]
    [InlineData("""{ source: "env", id: "MOLTBOT_TEST_UNSET_VARIABLE" }""", "models.providers.openai.apiKey", "Set MOLTBOT_TEST_UNSET_VARIABLE")]
    [InlineData("""{ source: "env", id: "NOT A NAME" }""", "models.providers.openai.apiKey.id", "letters, digits")]
    [InlineData("""{ source: "keyvault", uri: "https://v.vault.azure.net/keys/x" }""", "models.providers.openai.apiKey.uri", "secrets/NAME")]
    [InlineData("""{ source: "keyvault", uri: "http://v.vault.azure.net/secrets/x" }""", "models.providers.openai.apiKey.uri", "secrets/NAME")]
    [InlineData("""{ source: "env", id: "X", path: "/run/secrets/x" }""", "models.providers.openai.apiKey.path", "Use 'id'")]
    [InlineData("""{ source: "env", id: "X", version: "2" }""", "models.providers.openai.apiKey.version", "A secret reference has")]
    public void InvalidReference_IsAConfigError_NamingTheKeyAndTheFix(string reference, string key, string fix)
    {
        using var state = new TempState(ProviderKey(reference), ("X", "value-of-x"));

        var issue = Assert.Single(state.LoadIssues());

        Assert.Equal(key, issue.Key);
        Assert.Equal(state.ConfigPath, issue.File);
        Assert.Contains(fix, issue.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EmptySecretFile_IsAConfigError()
    {
        var path = SecretFile("empty", "\n");
        using var state = new TempState(ProviderKey($$"""{ source: "file", path: "{{path}}" }"""));

        var issue = Assert.Single(state.LoadIssues());

        Assert.Contains("is empty", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigShow_PrintsReferencesAndMasksValues_EvenOnesPastedIntoOtherKeys()
    {
        const string fileSecret = "sk-file-secret-value-31337";
        const string inline = "inline-gateway-token-0123456789abcdef";
        var path = SecretFile("key", fileSecret + "\n");
        using var state = new TempState($$"""
            {
              gateway: { auth: { token: "{{inline}}" } },
              models: { providers: {
                openai: { apiKey: { source: "file", path: "{{path}}" } },
                custom: { api: "openai-completions", baseUrl: "http://127.0.0.1:9/v1", headers: { "X-Note": "{{fileSecret}}" } },
              } },
            }
            """);
        var table = new StringWriter();
        var json = new StringWriter();

        Assert.Equal(0, ConfigShowCommand.Run(json: false, showSecrets: false, state.Environment, table, new StringWriter()));
        Assert.Equal(0, ConfigShowCommand.Run(json: true, showSecrets: false, state.Environment, json, new StringWriter()));

        foreach (var output in new[] { table.ToString(), json.ToString() })
        {
            Assert.DoesNotContain(fileSecret, output, StringComparison.Ordinal);
            Assert.DoesNotContain(inline, output, StringComparison.Ordinal);
            Assert.Contains("[REDACTED]", output, StringComparison.Ordinal); // the value pasted into a header
        }
        Assert.Contains("file:" + path, table.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"source\": \"file\"", json.ToString(), StringComparison.Ordinal);
        Assert.Contains($"\"path\": \"{path}\"", json.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"token\": \"***\"", json.ToString(), StringComparison.Ordinal);
    }
}
