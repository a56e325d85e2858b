using System.Text.Json.Nodes;
using MoltBot.Configuration.Schema;
using static MoltBot.Tests.Deploy.InfraSnapshots;

namespace MoltBot.Tests.Deploy;

/// <summary>The Container App that <c>infra/moltbot.bicep</c> creates, as a deployment would see it.</summary>
public sealed class ContainerAppTemplateTests
{
    [Fact]
    public async Task App_Secrets_ReachTheContainerOnlyBySecretRef()
    {
        var app = App(await FullApp);

        var secrets = Secrets(app);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["openrouter-api-key"] = "sk-or-fake-openrouter",
                ["discord-bot-token"] = "fake-discord-token",
                ["telegram-bot-token"] = "fake-telegram-token",
                ["gateway-token"] = "fake-gateway-token-0123456789",
            },
            secrets);
        var env = Env(app);
        Assert.Equal("openrouter-api-key", (string?)env["OPENROUTER_API_KEY"]["secretRef"]);
        Assert.Equal("discord-bot-token", (string?)env["DISCORD_BOT_TOKEN"]["secretRef"]);
        Assert.Equal("telegram-bot-token", (string?)env["TELEGRAM_BOT_TOKEN"]["secretRef"]);
        Assert.Equal("gateway-token", (string?)env["MOLTBOT_GATEWAY_TOKEN"]["secretRef"]);
        Assert.All(env.Values.Where(e => e.ContainsKey("secretRef")), e => Assert.False(e.ContainsKey("value")));
        // Each secret value appears once in the whole resource: in configuration.secrets, nowhere else.
        var text = app.ToJsonString();
        Assert.All(secrets.Values, value => Assert.Equal(1, Occurrences(text, value)));
    }

    [Fact]
    public async Task App_PlainSettings_AreEnvironmentValues()
    {
        var env = Env(App(await FullApp));

        Assert.Equal("/data", Value(env, "MOLTBOT_STATE_DIR"));
        Assert.Equal("lan", Value(env, "MOLTBOT_GATEWAY_BIND"));
        Assert.Equal("18789", Value(env, "MOLTBOT_GATEWAY_PORT"));
        Assert.Equal("json", Value(env, "MOLTBOT_LOG_FORMAT"));
        Assert.Equal("11111111-2222-3333-4444-555555555555", Value(env, "AZURE_CLIENT_ID"));
        Assert.Equal("openrouter/anthropic/claude-3.5-sonnet", Value(env, "MOLTBOT_MODEL"));
        Assert.Equal("Molty", Value(env, "MOLTBOT_PERSONA_NAME"));
        Assert.Equal("123,456", Value(env, "DISCORD_ALLOWED_USERS"));
        Assert.Equal("789", Value(env, "TELEGRAM_ALLOWED_USER_ID"));
    }

    [Fact]
    public async Task App_EmptySecrets_AreLeftOut_AndATokenIsGenerated()
    {
        var app = App(await MinimalApp);

        Assert.Equal(new Dictionary<string, string> { ["openrouter-api-key"] = "sk-or-only", ["gateway-token"] = "generated-token-0123456789" }, Secrets(app));
        var env = Env(app);
        Assert.False(env.ContainsKey("DISCORD_BOT_TOKEN"));
        Assert.False(env.ContainsKey("MOLTBOT_MODEL"));
        Assert.Equal("gateway-token", (string?)env["MOLTBOT_GATEWAY_TOKEN"]["secretRef"]);
    }

    [Fact]
    public async Task App_AzureOpenAi_IsKeylessThroughTheIdentity()
    {
        var env = Env(App(await FullApp));

        Assert.Equal("https://my-ai.openai.azure.com", Value(env, "AZURE_OPENAI_ENDPOINT"));
        Assert.Equal("gpt-4o", Value(env, "AZURE_OPENAI_DEPLOYMENT"));
        Assert.False(env.ContainsKey("AZURE_OPENAI_API_KEY"));
        Assert.Equal("11111111-2222-3333-4444-555555555555", Value(env, "AZURE_CLIENT_ID"));
    }

    [Fact]
    public async Task App_AllowedIpRanges_BecomeAllowRules()
    {
        // FullApp passes " 1.2.3.4/32 , 10.0.0.0/8," (spaces and a trailing comma); MinimalApp passes nothing.
        Assert.Equal(["1.2.3.4/32", "10.0.0.0/8"], AllowedRanges(App(await FullApp)));
        Assert.Empty(AllowedRanges(App(await MinimalApp)));
    }

    [Fact]
    public async Task App_TrustsTheIngressProxy_SoTheGatewaySeesClientAddresses()
    {
        var proxies = Value(Env(App(await MinimalApp)), "MOLTBOT_TRUSTED_PROXIES")!.Split(',');

        Assert.Equal(["10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16"], proxies);
        var ranges = MoltBot.Gateway.Security.IpRangeList.Parse(proxies, "gateway.trustedProxies");
        Assert.True(ranges.Contains(System.Net.IPAddress.Parse("::ffff:100.100.0.52"))); // an ingress peer as seen in a workload-profiles environment
        Assert.False(ranges.Contains(System.Net.IPAddress.Parse("203.0.113.7")));
    }

    [Fact]
    public async Task App_Ingress_IsHttpsOnlyOnTheGatewayPort()
    {
        var ingress = App(await MinimalApp)["properties"]!["configuration"]!["ingress"]!;

        Assert.Equal(18789, (int?)ingress["targetPort"]);
        Assert.False((bool?)ingress["allowInsecure"]);
    }

    [Fact]
    public async Task App_RunsExactlyOneReplica_OnTheSmallestSize()
    {
        var properties = App(await MinimalApp)["properties"]!;

        Assert.Equal("Single", (string?)properties["configuration"]!["activeRevisionsMode"]);
        Assert.Equal(1, (int?)properties["template"]!["scale"]!["minReplicas"]);
        Assert.Equal(1, (int?)properties["template"]!["scale"]!["maxReplicas"]);
        var resources = Container(properties)["resources"]!;
        Assert.Equal(0.25, (double?)resources["cpu"]);
        Assert.Equal("0.5Gi", (string?)resources["memory"]);
    }

    [Fact]
    public async Task App_Probes_PointAtTheGatewayHealthEndpoints()
    {
        var probes = Container(App(await MinimalApp)["properties"]!)["probes"]!.AsArray().ToDictionary(p => (string)p!["type"]!, p => p!["httpGet"]!);

        Assert.Equal(["Liveness", "Readiness", "Startup"], probes.Keys.Order());
        Assert.Equal("/health", (string?)probes["Liveness"]["path"]);
        Assert.Equal("/ready", (string?)probes["Readiness"]["path"]);
        Assert.Equal("/health", (string?)probes["Startup"]["path"]);
        Assert.All(probes.Values, p => Assert.Equal(18789, (int?)p["port"]));
    }

    [Fact]
    public async Task App_StateFolder_IsTheAzureFilesShare_OwnedByTheImageUser()
    {
        var properties = App(await MinimalApp)["properties"]!;

        var mount = Assert.Single(Container(properties)["volumeMounts"]!.AsArray())!;
        Assert.Equal("/data", (string?)mount["mountPath"]);
        var volume = Assert.Single(properties["template"]!["volumes"]!.AsArray())!;
        Assert.Equal(((string?)mount["volumeName"], "AzureFile", "moltbot-data"), ((string?)volume["name"], (string?)volume["storageType"], (string?)volume["storageName"]));
        Assert.Contains("uid=1654", (string?)volume["mountOptions"], StringComparison.Ordinal);
        Assert.Contains("USER 1654", DockerfileTests.ReadDockerfile(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_PullsAndRunsAsTheUserAssignedIdentity()
    {
        var app = App(await MinimalApp);

        var identityId = (string)AppParameters()["identityId"];
        Assert.Equal("UserAssigned", (string?)app["identity"]!["type"]);
        Assert.True(app["identity"]!["userAssignedIdentities"]!.AsObject().ContainsKey(identityId));
        var registry = Assert.Single(app["properties"]!["configuration"]!["registries"]!.AsArray())!;
        Assert.Equal(("crtest.azurecr.io", identityId), ((string?)registry["server"], (string?)registry["identity"]));
        Assert.Equal("moltbot", (string?)app["tags"]!["azd-service-name"]);
    }

    [Fact]
    public async Task App_EnvironmentVariables_AreOnesTheAppReads()
    {
        var env = Env(App(await FullApp));

        // Read by the configuration today, or by later issues (JSON logs, channels) and Azure.Identity (AZURE_CLIENT_ID).
        var known = ConfigEnvironmentVariables.All.Select(v => v.Name)
            .Concat(["MOLTBOT_LOG_FORMAT", "AZURE_CLIENT_ID", "DISCORD_BOT_TOKEN", "DISCORD_ALLOWED_USERS", "TELEGRAM_BOT_TOKEN", "TELEGRAM_ALLOWED_USER_ID"]);
        Assert.All(env.Keys, name => Assert.Contains(name, known));
    }

    internal static JsonObject App(JsonObject snapshot) => Assert.Single(Resources(snapshot, "Microsoft.App/containerApps"));

    internal static JsonNode Container(JsonNode properties) => Assert.Single(properties["template"]!["containers"]!.AsArray())!;

    internal static Dictionary<string, JsonObject> Env(JsonObject app) =>
        Container(app["properties"]!)["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => e!.AsObject());

    internal static Dictionary<string, string> Secrets(JsonObject app) =>
        app["properties"]!["configuration"]!["secrets"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!);

    private static List<string?> AllowedRanges(JsonObject app)
    {
        var rules = app["properties"]!["configuration"]!["ingress"]!["ipSecurityRestrictions"]!.AsArray();
        Assert.All(rules, r => Assert.Equal("Allow", (string?)r!["action"]));
        return rules.Select(r => (string?)r!["ipAddressRange"]).ToList();
    }

    private static string? Value(Dictionary<string, JsonObject> env, string name) => (string?)env[name]["value"];

    private static int Occurrences(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
