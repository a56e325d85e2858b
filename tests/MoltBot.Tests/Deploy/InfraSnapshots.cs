using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MoltBot.Tests.Deploy;

/// <summary>
/// What a deployment of <c>infra/</c> would create, evaluated offline by <c>bicep snapshot</c> for given parameters.
/// The snapshot leaves anything derived from a <c>@secure()</c> parameter unevaluated, so it runs on a copy of
/// <c>infra/</c> with those decorators removed; <see cref="InfraTemplateTests"/> checks the real files keep them.
/// Snapshots are cached per parameter set, so tests share them.
/// </summary>
internal static class InfraSnapshots
{
    public const string SubscriptionId = "00000000-0000-0000-0000-000000000001";
    public const string ResourceGroup = "rg-moltbot-test";
    public const string Location = "eastus2";

    private static readonly Lazy<string> EvaluableCopy = new(CopyWithoutSecureDecorators);
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonObject>>> Cache = new();

    /// <summary>The app with every setting and secret given (fake values), messy IP ranges included.</summary>
    public static Task<JsonObject> FullApp => SnapshotAsync("moltbot.bicep", AppParameters(
        ("openRouterApiKey", "sk-or-fake-openrouter"),
        ("discordBotToken", "fake-discord-token"),
        ("telegramBotToken", "fake-telegram-token"),
        ("moltbotGatewayToken", "fake-gateway-token-0123456789"),
        ("discordAllowedUsers", "123,456"),
        ("telegramAllowedUserId", "789"),
        ("moltbotModel", "openrouter/anthropic/claude-3.5-sonnet"),
        ("moltbotPersonaName", "Molty"),
        ("azureOpenAiEndpoint", "https://my-ai.openai.azure.com"),
        ("azureOpenAiDeployment", "gpt-4o"),
        ("allowedIpRanges", " 1.2.3.4/32 , 10.0.0.0/8,")));

    /// <summary>The app with only an OpenRouter key: everything else at its default.</summary>
    public static Task<JsonObject> MinimalApp => SnapshotAsync("moltbot.bicep", AppParameters(("openRouterApiKey", "sk-or-only")));

    /// <summary>The first provisioning with defaults.</summary>
    public static Task<JsonObject> DefaultMain => SnapshotAsync("main.bicep", MainParameters());

    /// <summary>Provisioning with every option on: internal-only, alerts, Azure OpenAI, and an existing app.</summary>
    public static Task<JsonObject> FullMain => SnapshotAsync("main.bicep", MainParameters(
        ("internalOnly", true),
        ("alertEmailAddress", "owner@example.com"),
        ("azureOpenAiResourceId", "/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/my-ai"),
        ("moltbotExists", true),
        ("moltbotImageName", "cr.azurecr.io/moltbot:1")));

    /// <summary>The app in Key Vault mode (<c>USE_KEY_VAULT</c>): three secrets given, Telegram's left empty.</summary>
    public static Task<JsonObject> KeyVaultApp => SnapshotAsync("moltbot.bicep", AppParameters(
        ("keyVaultName", "kv-test"),
        ("keyVaultEndpoint", "https://kv-test.vault.azure.net/"),
        ("openRouterApiKey", "fake-kv-openrouter-key-0000"),
        ("discordBotToken", "fake-kv-discord-token-0000"),
        ("moltbotGatewayToken", "fake-kv-gateway-token-0000"),
        ("moltbotModel", "openrouter/anthropic/claude-3.5-sonnet")));

    /// <summary>Provisioning in Key Vault mode, by a signed-in user, with the app already deployed.</summary>
    public static Task<JsonObject> KeyVaultMain => SnapshotAsync("main.bicep", MainParameters(
        ("useKeyVault", true),
        ("principalId", DeployerPrincipalId),
        ("openRouterApiKey", "fake-kv-openrouter-key-0000"),
        ("moltbotExists", true),
        ("moltbotImageName", "cr.azurecr.io/moltbot:1")));

    public const string DeployerPrincipalId = "99999999-8888-7777-6666-555555555555";

    /// <summary>Parameters for <c>moltbot.bicep</c> as <c>azd deploy</c> passes them, with fake ids.</summary>
    public static Dictionary<string, object> AppParameters(params (string Name, object Value)[] overrides)
    {
        var rg = $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers";
        var parameters = new Dictionary<string, object>
        {
            ["name"] = "moltbot-test",
            ["environmentName"] = "test",
            ["containerAppsEnvironmentId"] = $"{rg}/Microsoft.App/managedEnvironments/cae-test",
            ["environmentStorageName"] = "moltbot-data",
            ["registryLoginServer"] = "crtest.azurecr.io",
            ["identityId"] = $"{rg}/Microsoft.ManagedIdentity/userAssignedIdentities/id-test",
            ["identityClientId"] = "11111111-2222-3333-4444-555555555555",
            ["imageName"] = "crtest.azurecr.io/moltbot/moltbot-test:azd-deploy-1",
            // Stands in for newGuid(), which a snapshot cannot evaluate.
            ["generatedGatewayToken"] = "generated-token-0123456789",
        };
        foreach (var (name, value) in overrides)
        {
            parameters[name] = value;
        }
        return parameters;
    }

    /// <summary>Parameters for <c>main.bicep</c> as <c>azd provision</c> passes them.</summary>
    public static Dictionary<string, object> MainParameters(params (string Name, object Value)[] overrides)
    {
        var parameters = new Dictionary<string, object> { ["environmentName"] = "test", ["location"] = Location };
        foreach (var (name, value) in overrides)
        {
            parameters[name] = value;
        }
        return parameters;
    }

    /// <summary>The snapshot of <paramref name="template"/> (<c>main.bicep</c> or <c>moltbot.bicep</c>).</summary>
    public static Task<JsonObject> SnapshotAsync(string template, IReadOnlyDictionary<string, object> parameters)
    {
        var text = new StringBuilder($"using '{template}'\n");
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"param {name} = {Literal(value)}\n");
        }
        var content = text.ToString();
        return Cache.GetOrAdd(content, _ => new Lazy<Task<JsonObject>>(() => RunSnapshotAsync(template, content))).Value;
    }

    public static IEnumerable<JsonObject> Resources(JsonObject snapshot, string type) =>
        snapshot["predictedResources"]!.AsArray().Select(r => r!.AsObject())
            .Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    private static async Task<JsonObject> RunSnapshotAsync(string template, string content)
    {
        var name = "p" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16];
        var paramFile = Path.Combine(EvaluableCopy.Value, name + ".bicepparam");
        await File.WriteAllTextAsync(paramFile, content);
        List<string> arguments = ["snapshot", paramFile, "--mode", "overwrite", "--subscription-id", SubscriptionId, "--location", Location];
        if (template != "main.bicep")
        {
            arguments.AddRange(["--resource-group", ResourceGroup]);
        }
        var (exitCode, _, stderr) = await BicepCli.RunAsync([.. arguments]);
        var output = Path.Combine(EvaluableCopy.Value, name + ".snapshot.json");
        Assert.True(exitCode == 0 && File.Exists(output), $"bicep snapshot {template} failed ({exitCode}):\n{stderr}\n{content}");
        return JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsObject();
    }

    private static string Literal(object value) => value switch
    {
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        string s => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
        _ => throw new ArgumentException($"No Bicep literal for {value.GetType()}"),
    };

    private static string CopyWithoutSecureDecorators()
    {
        var copy = Directory.CreateTempSubdirectory("moltbot-infra-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(copy, recursive: true);
        foreach (var file in Directory.EnumerateFiles(BicepCli.InfraDir, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(BicepCli.InfraDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var text = File.ReadAllText(file);
            if (file.EndsWith(".bicep", StringComparison.Ordinal))
            {
                text = string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Where(line => line.Trim() != "@secure()"));
            }
            File.WriteAllText(target, text);
        }
        return copy;
    }
}
