using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MoltBot.Hosting;
using static MoltBot.Tests.Deploy.InfraSnapshots;

namespace MoltBot.Tests.Deploy;

/// <summary>What <c>infra/main.bicep</c> provisions, as a deployment would see it.</summary>
public sealed partial class PlatformTemplateTests
{
    private const string AcrPullRole = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    private const string OpenAiUserRole = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";

    [Fact]
    public async Task Main_Defaults_CreateThePlatformButNotYetTheApp()
    {
        var snapshot = await DefaultMain;

        Assert.Equal("rg-test", (string?)Assert.Single(Resources(snapshot, "Microsoft.Resources/resourceGroups"))["name"]);
        Assert.Single(Resources(snapshot, "Microsoft.OperationalInsights/workspaces"));
        Assert.Single(Resources(snapshot, "Microsoft.App/managedEnvironments"));
        Assert.Single(Resources(snapshot, "Microsoft.ManagedIdentity/userAssignedIdentities"));
        Assert.Single(Resources(snapshot, "Microsoft.Storage/storageAccounts/fileServices/shares"));
        Assert.Single(Resources(snapshot, "Microsoft.App/managedEnvironments/storages"));
        // The first `azd up` has no image yet; `azd deploy` creates the app from moltbot.bicep.
        Assert.Empty(Resources(snapshot, "Microsoft.App/containerApps"));
        Assert.Empty(Resources(snapshot, "Microsoft.Network/virtualNetworks"));
        Assert.Empty(Resources(snapshot, "Microsoft.Insights/scheduledQueryRules"));
        Assert.Empty(Resources(snapshot, "Microsoft.KeyVault/vaults"));
    }

    [Fact]
    public async Task Main_Registry_IsBasicWithNoAdminUser_AndTheIdentityMayPull()
    {
        var snapshot = await DefaultMain;

        var registry = Assert.Single(Resources(snapshot, "Microsoft.ContainerRegistry/registries"));
        Assert.Equal("Basic", (string?)registry["sku"]!["name"]);
        Assert.False((bool?)registry["properties"]!["adminUserEnabled"]);
        var pull = Assert.Single(RoleAssignments(snapshot, AcrPullRole));
        Assert.Equal("ServicePrincipal", (string?)pull["properties"]!["principalType"]);
    }

    [Fact]
    public async Task Main_Storage_IsHttpsOnlyTls12WithNoPublicBlobs()
    {
        var storage = Assert.Single(Resources(await DefaultMain, "Microsoft.Storage/storageAccounts"))["properties"]!;

        Assert.True((bool?)storage["supportsHttpsTrafficOnly"]);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
        Assert.False((bool?)storage["allowBlobPublicAccess"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Main_InternalOnly_PutsTheEnvironmentInAPrivateVnet(bool internalOnly)
    {
        // FullMain sets internalOnly; DefaultMain leaves it false.
        var snapshot = internalOnly ? await FullMain : await DefaultMain;

        var environment = Assert.Single(Resources(snapshot, "Microsoft.App/managedEnvironments"))["properties"]!;
        Assert.Equal(internalOnly, Resources(snapshot, "Microsoft.Network/virtualNetworks").Any());
        Assert.Equal(internalOnly, Resources(snapshot, "Microsoft.Network/privateDnsZones").Any());
        if (internalOnly)
        {
            Assert.True((bool?)environment["vnetConfiguration"]!["internal"]);
            Assert.Contains("vnet-", (string?)environment["vnetConfiguration"]!["infrastructureSubnetId"], StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(environment["vnetConfiguration"]);
        }
    }

    [Fact]
    public async Task Main_AppExists_ProvisioningReappliesItWithTheRunningImage()
    {
        var snapshot = await FullMain;

        var app = Assert.Single(Resources(snapshot, "Microsoft.App/containerApps"));
        Assert.Equal("cr.azurecr.io/moltbot:1", (string?)ContainerAppTemplateTests.Container(app["properties"]!)["image"]);
    }

    [Fact]
    public async Task Main_AzureOpenAiResource_GrantsOpenAiUserToTheIdentity()
    {
        var grant = Assert.Single(RoleAssignments(await FullMain, OpenAiUserRole));

        Assert.Contains("my-ai", (string?)grant["id"], StringComparison.Ordinal);
        Assert.Empty(RoleAssignments(await DefaultMain, OpenAiUserRole));
    }

    [Fact]
    public async Task Main_AlertEmail_CreatesActionGroupAndFourAlerts()
    {
        var snapshot = await FullMain;

        var group = Assert.Single(Resources(snapshot, "Microsoft.Insights/actionGroups"));
        Assert.Equal("owner@example.com", (string?)Assert.Single(group["properties"]!["emailReceivers"]!.AsArray())!["emailAddress"]);
        var alerts = Resources(snapshot, "Microsoft.Insights/scheduledQueryRules")
            .ToDictionary(a => EventNamesIn(Query(a)).Single(), a => a["properties"]!);
        Assert.Equal((10, "PT5M"), Criteria(alerts[EventNames.AuthFailed]));
        Assert.Equal((3, "PT15M"), Criteria(alerts[EventNames.GatewayStarted]));
        Assert.Equal((100, "PT1H"), Criteria(alerts[EventNames.MessageReceived]));
        Assert.Equal((0, "PT5M"), Criteria(alerts[EventNames.ChannelDisconnected]));
        Assert.All(alerts.Values, a => Assert.Contains((string?)group["id"], a["actions"]!["actionGroups"]!.AsArray().Select(g => (string?)g)));
    }

    [Fact]
    public async Task Main_AlertQueries_UseOnlyEventNamesTheAppDefines()
    {
        var snapshot = await FullMain;
        var appName = (string)Assert.Single(Resources(snapshot, "Microsoft.App/managedEnvironments"))["name"]!;
        var defined = typeof(EventNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

        var queries = Resources(snapshot, "Microsoft.Insights/scheduledQueryRules").Select(Query).ToList();

        Assert.Equal(4, queries.Count);
        Assert.All(queries, q =>
        {
            var names = EventNamesIn(q);
            Assert.NotEmpty(names);
            Assert.All(names, name => Assert.Contains(name, defined));
            Assert.Contains("ContainerAppName_s == 'moltbot-" + appName["cae-".Length..] + "'", q, StringComparison.Ordinal);
        });
    }

    private static IEnumerable<JsonObject> RoleAssignments(JsonObject snapshot, string roleId) =>
        Resources(snapshot, "Microsoft.Authorization/roleAssignments")
            .Where(r => ((string?)r["properties"]!["roleDefinitionId"])!.Contains(roleId, StringComparison.Ordinal));

    private static string Query(JsonObject alert) => (string)Assert.Single(alert["properties"]!["criteria"]!["allOf"]!.AsArray())!["query"]!;

    private static (int Threshold, string Window) Criteria(JsonNode properties) =>
        ((int)properties["criteria"]!["allOf"]![0]!["threshold"]!, (string)properties["windowSize"]!);

    private static List<string> EventNamesIn(string query) => EventTerm().Matches(query).Select(m => m.Groups[1].Value).ToList();

    // Alerts match an event as a whole term of the log line: `Log_s has 'Name'`.
    [GeneratedRegex(@"Log_s has '([A-Za-z]+)'")]
    private static partial Regex EventTerm();
}
