using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MoltBot.Tests.Deploy;

/// <summary>
/// The azd wiring: <c>azure.yaml</c>, and the parameter files that map <c>azd env set</c> values onto the templates
/// (<c>main.parameters.json</c> for provisioning, <c>moltbot.parameters.json</c> for each <c>azd deploy</c>).
/// </summary>
public sealed partial class AzdTemplateTests
{
    /// <summary>The seed guide's variable names, plus the keyless Azure OpenAI ones, and the parameters they set.</summary>
    private static readonly Dictionary<string, string> UserVariables = new()
    {
        ["OPENROUTER_API_KEY"] = "openRouterApiKey",
        ["DISCORD_BOT_TOKEN"] = "discordBotToken",
        ["DISCORD_ALLOWED_USERS"] = "discordAllowedUsers",
        ["TELEGRAM_BOT_TOKEN"] = "telegramBotToken",
        ["TELEGRAM_ALLOWED_USER_ID"] = "telegramAllowedUserId",
        ["MOLTBOT_MODEL"] = "moltbotModel",
        ["MOLTBOT_PERSONA_NAME"] = "moltbotPersonaName",
        ["MOLTBOT_GATEWAY_TOKEN"] = "moltbotGatewayToken",
        ["ALLOWED_IP_RANGES"] = "allowedIpRanges",
        ["INTERNAL_ONLY"] = "internalOnly",
        ["ALERT_EMAIL_ADDRESS"] = "alertEmailAddress",
        ["USE_KEY_VAULT"] = "useKeyVault",
        ["AZURE_OPENAI_ENDPOINT"] = "azureOpenAiEndpoint",
        ["AZURE_OPENAI_DEPLOYMENT"] = "azureOpenAiDeployment",
        ["AZURE_OPENAI_RESOURCE_ID"] = "azureOpenAiResourceId",
    };

    /// <summary>Values azd itself sets in the environment.</summary>
    private static readonly string[] AzdVariables = ["AZURE_ENV_NAME", "AZURE_LOCATION", "AZURE_PRINCIPAL_ID", "SERVICE_MOLTBOT_IMAGE_NAME", "SERVICE_MOLTBOT_RESOURCE_EXISTS"];

    [Fact]
    public void AzureYaml_OneContainerAppService_BuiltRemotelyFromTheDockerfile()
    {
        var yaml = File.ReadAllText(Path.Combine(BicepCli.RepoRoot(), "azure.yaml")).ReplaceLineEndings("\n");

        Assert.Contains("\nservices:\n  moltbot:\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    host: containerapp\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    language: docker\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      remoteBuild: true\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      path: Dockerfile\n", yaml, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(BicepCli.RepoRoot(), "Dockerfile")));
        // azd deploys infra/<service>.bicep with infra/<service>.parameters.json at deploy time.
        Assert.True(File.Exists(Path.Combine(BicepCli.InfraDir, "moltbot.bicep")));
        Assert.True(File.Exists(Path.Combine(BicepCli.InfraDir, "moltbot.parameters.json")));
    }

    [Fact]
    public async Task MainParameters_MapEveryParameter_WithTheSeedVariableNames()
    {
        var mapping = Mapping("main.parameters.json");
        var parameters = (await BicepCli.CompiledAsync("main.bicep"))["parameters"]!.AsObject().Select(p => p.Key);

        Assert.Equal(parameters.Order(StringComparer.Ordinal), mapping.Keys.Order(StringComparer.Ordinal));
        Assert.All(UserVariables, v => Assert.Equal(v.Key, mapping[v.Value]));
        Assert.Equal(("AZURE_ENV_NAME", "AZURE_LOCATION"), (mapping["environmentName"], mapping["location"]));
    }

    [Fact]
    public async Task AppParameters_ResolveFromAzdUserValuesOrMainOutputs()
    {
        var mapping = Mapping("moltbot.parameters.json");
        var parameters = (await BicepCli.CompiledAsync("moltbot.bicep"))["parameters"]!.AsObject().Select(p => p.Key);
        var outputs = (await BicepCli.CompiledAsync("main.bicep"))["outputs"]!.AsObject().Select(o => o.Key);

        // Every parameter but the newGuid() one is passed; each value is something the azd environment holds.
        Assert.Equal(parameters.Where(p => p != "generatedGatewayToken").Order(StringComparer.Ordinal), mapping.Keys.Order(StringComparer.Ordinal));
        Assert.All(mapping.Values, variable => Assert.True(
            UserVariables.ContainsKey(variable) || AzdVariables.Contains(variable) || outputs.Contains(variable),
            $"{variable} is neither set by the user, by azd, nor an output of main.bicep"));
        // The same user value feeds the same parameter at provision and at deploy.
        Assert.All(mapping.Where(m => UserVariables.ContainsKey(m.Value)), m => Assert.Equal(UserVariables[m.Value], m.Key));
    }

    /// <summary>Parameter name to the single <c>${VAR}</c> (or <c>${VAR=default}</c>) it reads.</summary>
    private static Dictionary<string, string> Mapping(string file)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraDir, file)))!["parameters"]!.AsObject();
        return json.ToDictionary(p => p.Key, p =>
        {
            var match = Variable().Match((string)p.Value!["value"]!);
            Assert.True(match.Success, $"{file}: {p.Key} must be \"${{VAR}}\"");
            return match.Groups[1].Value;
        });
    }

    [GeneratedRegex(@"^\$\{([A-Z_][A-Z0-9_]*)(=[^}]*)?\}$")]
    private static partial Regex Variable();
}
