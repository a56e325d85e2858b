using MoltBot.Configuration;
using MoltBot.Configuration.Schema;
using MoltBot.Security.AuditChecks;

namespace MoltBot.Tests.Security.AuditChecks;

/// <summary>
/// <c>gateway.controlUi.allowedOrigins</c> comes with the Control UI work (not in this branch's schema yet); these feed the
/// value the way the loader does (a string-list leaf), which is also the only way to plant values its validation refuses.
/// </summary>
public sealed class ControlUiOriginsCheckTests
{
    private static SecurityFinding Check(params string[] origins)
    {
        var key = new ConfigKey("gateway.controlUi.allowedOrigins", ConfigValueKind.StringList, "test");
        var paths = new MoltBotPaths("/nonexistent-state", "/nonexistent-state/moltbot.json");
        var loaded = new LoadedConfig(new MoltBotConfig(), paths, false) { Values = [new ConfigLeaf(key.Path, key, origins.ToList(), ConfigValueSource.FromFile("f", 1))] };
        return Assert.Single(ControlUiOriginsCheck.Run(new SecurityAuditContext(loaded, new Dictionary<string, string?>())));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://*")]
    public void Wildcard_IsHigh(string origin) => Assert.Equal(SecuritySeverity.High, Check("https://moltbot.example.com", origin).Severity);

    [Theory]
    [InlineData("null")]
    [InlineData("http://moltbot.example.com")]
    public void NullOrPlainHttpRemote_IsMedium(string origin) => Assert.Equal(SecuritySeverity.Medium, Check(origin).Severity);

    [Fact]
    public void ExactHttpsAndLocalhost_AreFine() =>
        Assert.Empty(ControlUiOriginsCheck.Run(new SecurityAuditContext(
            new LoadedConfig(new MoltBotConfig(), new MoltBotPaths("/x", "/x/m.json"), false)
            {
                Values = [new ConfigLeaf("gateway.controlUi.allowedOrigins", new ConfigKey("gateway.controlUi.allowedOrigins", ConfigValueKind.StringList, "t"),
                    new List<string> { "https://moltbot.example.com", "http://localhost:5173" }, ConfigValueSource.Default)],
            },
            new Dictionary<string, string?>())));
}
