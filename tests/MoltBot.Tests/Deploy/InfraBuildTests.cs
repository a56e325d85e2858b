using System.Text.Json.Nodes;

namespace MoltBot.Tests.Deploy;

/// <summary>Every <c>.bicep</c> file compiles with no warning, and the compiled ARM JSON keeps secrets secure.</summary>
public sealed class InfraBuildTests
{
    public static TheoryData<string> BicepFiles() =>
        new(Directory.EnumerateFiles(BicepCli.InfraDir, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(BicepCli.InfraDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Build_BicepFile_CompilesWithNoDiagnostics(string file)
    {
        var (_, exitCode, diagnostics) = await BicepCli.BuildAllAsync();

        // Warnings count: bicepconfig.json makes the important linter rules errors, and any other line fails here.
        Assert.True(exitCode == 0, $"bicep build failed ({exitCode}):\n{diagnostics}");
        Assert.DoesNotContain(diagnostics.Split('\n'), line => line.Replace('\\', '/').Contains("/infra/" + file + "(", StringComparison.Ordinal));
        Assert.NotNull((await BicepCli.CompiledAsync(file))["resources"]);
    }

    [Theory]
    [InlineData("main.bicep", new[] { "openRouterApiKey", "discordBotToken", "telegramBotToken", "moltbotGatewayToken" })]
    [InlineData("moltbot.bicep", new[] { "openRouterApiKey", "discordBotToken", "telegramBotToken", "moltbotGatewayToken", "generatedGatewayToken" })]
    public async Task Build_SecretParameters_AreSecureStrings(string file, string[] secrets)
    {
        var parameters = (await CompileAsync(file))["parameters"]!.AsObject();

        Assert.All(secrets, name => Assert.Equal("securestring", (string?)parameters[name]!["type"]));
        // No other key- or token-like parameter slipped through as a plain string.
        Assert.All(parameters.Where(p => p.Key.Contains("token", StringComparison.OrdinalIgnoreCase) || p.Key.Contains("apikey", StringComparison.OrdinalIgnoreCase)),
            p => Assert.Equal("securestring", (string?)p.Value!["type"]));
    }

    [Fact]
    public async Task Build_GeneratedGatewayToken_DefaultsToNewGuid()
    {
        var parameter = (await CompileAsync("moltbot.bicep"))["parameters"]!["generatedGatewayToken"]!;

        Assert.Equal("[newGuid()]", (string?)parameter["defaultValue"]);
    }

    [Fact]
    public async Task Build_MainOutputs_AreWhatAzdAndTheDeployStepRead()
    {
        var outputs = (await CompileAsync("main.bicep"))["outputs"]!.AsObject();

        Assert.All(
            ["AZURE_CONTAINER_REGISTRY_ENDPOINT", "AZURE_RESOURCE_GROUP", "AZURE_LOG_ANALYTICS_WORKSPACE_ID", "MOLTBOT_URL", "MOLTBOT_CONTROL_UI_URL", "AZURE_CONTAINER_REGISTRY_NAME"],
            name => Assert.True(outputs.ContainsKey(name), $"main.bicep must output {name}"));
        // The vault's name and endpoint (AZURE_KEY_VAULT_*) are addresses, not keys.
        Assert.DoesNotContain(outputs, o => o.Key.Contains("TOKEN", StringComparison.Ordinal) || o.Key.Replace("KEY_VAULT", "", StringComparison.Ordinal).Contains("KEY", StringComparison.Ordinal));
    }

    private static Task<JsonObject> CompileAsync(string file) => BicepCli.CompiledAsync(file);
}
