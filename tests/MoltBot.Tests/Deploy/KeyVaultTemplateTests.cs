using System.Text.Json.Nodes;
using MoltBot.Configuration.Schema;
using MoltBot.Security.Secrets;
using MoltBot.Tests.Configuration;
using static MoltBot.Tests.Deploy.ContainerAppTemplateTests;
using static MoltBot.Tests.Deploy.InfraSnapshots;

namespace MoltBot.Tests.Deploy;

/// <summary>
/// <c>USE_KEY_VAULT=true</c>: secrets go to a Key Vault the app's identity reads, and the container gets only
/// <c>NAME_KEYVAULT</c> URIs, so rotating a secret needs no restart. Off (the default), nothing changes.
/// </summary>
public sealed class KeyVaultTemplateTests
{
    private const string SecretsUserRole = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string SecretsOfficerRole = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    private static readonly string[] FakeSecrets = ["fake-kv-openrouter-key-0000", "fake-kv-discord-token-0000", "fake-kv-gateway-token-0000"];

    [Fact]
    public async Task KeyVaultApp_WritesTheGivenSecretsToTheVault()
    {
        var secrets = Resources(await KeyVaultApp, "Microsoft.KeyVault/vaults/secrets")
            .ToDictionary(s => (string)s["name"]!, s => (string?)s["properties"]!["value"]);

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["kv-test/openrouter-api-key"] = "fake-kv-openrouter-key-0000",
                ["kv-test/discord-bot-token"] = "fake-kv-discord-token-0000",
                ["kv-test/gateway-token"] = "fake-kv-gateway-token-0000",
            },
            secrets);
    }

    [Fact]
    public async Task KeyVaultApp_ContainerGetsOnlySecretUris_NoSecretValueAnywhere()
    {
        var app = App(await KeyVaultApp);
        var env = Env(app);

        Assert.Empty(Secrets(app));
        Assert.Equal("https://kv-test.vault.azure.net/secrets/openrouter-api-key", (string?)env["OPENROUTER_API_KEY_KEYVAULT"]["value"]);
        Assert.Equal("https://kv-test.vault.azure.net/secrets/discord-bot-token", (string?)env["DISCORD_BOT_TOKEN_KEYVAULT"]["value"]);
        Assert.Equal("https://kv-test.vault.azure.net/secrets/gateway-token", (string?)env["MOLTBOT_GATEWAY_TOKEN_KEYVAULT"]["value"]);
        Assert.False(env.ContainsKey("TELEGRAM_BOT_TOKEN_KEYVAULT")); // not given, not in the vault
        Assert.All(["OPENROUTER_API_KEY", "DISCORD_BOT_TOKEN", "TELEGRAM_BOT_TOKEN", "MOLTBOT_GATEWAY_TOKEN"], name => Assert.False(env.ContainsKey(name)));
        Assert.All(env.Values, e => Assert.False(e.ContainsKey("secretRef")));
        Assert.Equal("11111111-2222-3333-4444-555555555555", (string?)env["AZURE_CLIENT_ID"]["value"]); // the identity MoltBot reads the vault as
        var text = app.ToJsonString();
        Assert.All(FakeSecrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeyVaultApp_Environment_IsWhatMoltBotReadsAsRotatingKeyVaultReferences()
    {
        var env = Env(App(await KeyVaultApp));
        using var state = new TempState();
        foreach (var (name, variable) in env.Where(e => e.Key != "MOLTBOT_STATE_DIR"))
        {
            state.Environment[name] = (string?)variable["value"];
        }
        Assert.All(env.Keys.Where(k => k.EndsWith("_KEYVAULT", StringComparison.Ordinal)), name =>
            Assert.Contains(ConfigEnvironmentVariables.All, v => v.Name + "_KEYVAULT" == name && v.Target is not null && ConfigSchema.Resolve(v.Target, out _)!.Kind == ConfigValueKind.Secret));

        var config = state.Load().Config;

        Assert.Equal(new SecretReference(SecretSourceKind.KeyVault, "https://kv-test.vault.azure.net/secrets/gateway-token"), config.Gateway.Auth.Token!.Reference);
        Assert.Equal(new SecretReference(SecretSourceKind.KeyVault, "https://kv-test.vault.azure.net/secrets/openrouter-api-key"), config.Models.Providers["openrouter"].ApiKey!.Reference);
        Assert.Equal(SecretSourceKind.KeyVault, config.Channels.Discord.Token!.Reference!.Kind);
        Assert.True(config.Gateway.Auth.Token.Reference!.Rotates);
    }

    [Fact]
    public async Task DefaultApp_HasNoVaultSecretsAndNoKeyVaultVariables()
    {
        foreach (var snapshot in new[] { await FullApp, await MinimalApp })
        {
            Assert.Empty(Resources(snapshot, "Microsoft.KeyVault/vaults/secrets"));
            Assert.DoesNotContain(Env(App(snapshot)).Keys, name => name.EndsWith("_KEYVAULT", StringComparison.Ordinal));
            Assert.NotEmpty(Secrets(App(snapshot)));
        }
    }

    [Fact]
    public async Task KeyVaultMain_CreatesAnRbacVault_WithoutPurgeProtection()
    {
        var vault = Assert.Single(Resources(await KeyVaultMain, "Microsoft.KeyVault/vaults"));
        var properties = vault["properties"]!;

        Assert.StartsWith("kv-", (string?)vault["name"], StringComparison.Ordinal);
        Assert.True((bool?)properties["enableRbacAuthorization"]);
        Assert.Null(properties["accessPolicies"]);
        Assert.True((bool?)properties["enableSoftDelete"]);
        Assert.Equal(7, (int?)properties["softDeleteRetentionInDays"]);
        // Purge protection would keep the vault after `azd down --purge`, and can never be turned off again.
        Assert.Null(properties["enablePurgeProtection"]);
        Assert.Equal("standard", (string?)properties["sku"]!["name"]);
    }

    [Fact]
    public async Task KeyVaultMain_TheAppIdentityMayReadSecrets_AndTheDeployerMaySetThem()
    {
        var snapshot = await KeyVaultMain;
        var vaultId = (string)Assert.Single(Resources(snapshot, "Microsoft.KeyVault/vaults"))["id"]!;
        var identity = (string)Assert.Single(Resources(snapshot, "Microsoft.ManagedIdentity/userAssignedIdentities"))["id"]!;

        var read = Assert.Single(RoleAssignments(snapshot, SecretsUserRole));
        Assert.Contains(vaultId, (string?)read["id"], StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", (string?)read["properties"]!["principalType"]);
        // The identity's principal ID exists only once Azure creates it: the snapshot shows the reference to it.
        Assert.Equal($"[reference('{identity}', '2023-01-31').principalId]", (string?)read["properties"]!["principalId"]);

        var set = Assert.Single(RoleAssignments(snapshot, SecretsOfficerRole));
        Assert.Contains(vaultId, (string?)set["id"], StringComparison.Ordinal);
        Assert.Equal(DeployerPrincipalId, (string?)set["properties"]!["principalId"]);
    }

    [Fact]
    public async Task KeyVaultMain_ReappliedApp_ReadsTheVault_AndNoSecretReachesItsEnvironment()
    {
        var snapshot = await KeyVaultMain;
        var vaultName = (string)Assert.Single(Resources(snapshot, "Microsoft.KeyVault/vaults"))["name"]!;

        var secret = Assert.Single(Resources(snapshot, "Microsoft.KeyVault/vaults/secrets"), s => (string?)s["name"] == $"{vaultName}/openrouter-api-key");
        Assert.Equal("fake-kv-openrouter-key-0000", (string?)secret["properties"]!["value"]);
        var app = App(snapshot);
        var env = Container(app["properties"]!)["env"]!.ToJsonString();
        Assert.Contains("OPENROUTER_API_KEY_KEYVAULT", env, StringComparison.Ordinal);
        Assert.Contains("MOLTBOT_GATEWAY_TOKEN_KEYVAULT", env, StringComparison.Ordinal);
        Assert.Contains("secrets/openrouter-api-key", env, StringComparison.Ordinal);
        Assert.DoesNotContain("secretRef", env, StringComparison.Ordinal);
        Assert.DoesNotContain("fake-kv-openrouter-key-0000", app.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultMain_HasNoVaultAndNoVaultRoles()
    {
        var snapshot = await DefaultMain;

        Assert.Empty(Resources(snapshot, "Microsoft.KeyVault/vaults"));
        Assert.Empty(RoleAssignments(snapshot, SecretsUserRole));
        Assert.Empty(RoleAssignments(snapshot, SecretsOfficerRole));
    }

    [Fact]
    public async Task Main_OutputsTheVault_EmptyWhenNotUsed_AndTheModeIsOffByDefault()
    {
        var outputs = (await BicepCli.CompiledAsync("main.bicep"))["outputs"]!.AsObject();

        Assert.StartsWith("[if(parameters('useKeyVault'), reference(", (string?)outputs["AZURE_KEY_VAULT_NAME"]!["value"], StringComparison.Ordinal);
        Assert.EndsWith(".outputs.name.value, '')]", (string?)outputs["AZURE_KEY_VAULT_NAME"]!["value"], StringComparison.Ordinal);
        Assert.EndsWith(".outputs.uri.value, '')]", (string?)outputs["AZURE_KEY_VAULT_ENDPOINT"]!["value"], StringComparison.Ordinal);
        var parameters = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(BicepCli.InfraDir, "main.parameters.json"), TestContext.Current.CancellationToken))!["parameters"]!;
        Assert.Equal("${USE_KEY_VAULT=false}", (string?)parameters["useKeyVault"]!["value"]);
    }

    [Fact]
    public async Task App_StartsOnlyAfterTheVaultHoldsItsSecrets()
    {
        var app = Assert.Single((await BicepCli.CompiledAsync("moltbot.bicep"))["resources"]!.AsArray(), r => (string?)r!["type"] == "Microsoft.App/containerApps")!;

        var dependsOn = app["dependsOn"]!.AsArray().Select(d => (string)d!).ToList();
        Assert.Contains("vaultSecrets", dependsOn);
        Assert.Contains(dependsOn, d => d.StartsWith("[resourceId('Microsoft.KeyVault/vaults/secrets'", StringComparison.Ordinal) && d.Contains("'gateway-token')]", StringComparison.Ordinal));
    }

    private static IEnumerable<JsonObject> RoleAssignments(JsonObject snapshot, string roleId) =>
        Resources(snapshot, "Microsoft.Authorization/roleAssignments")
            .Where(r => ((string?)r["properties"]!["roleDefinitionId"])!.Contains(roleId, StringComparison.Ordinal));
}
