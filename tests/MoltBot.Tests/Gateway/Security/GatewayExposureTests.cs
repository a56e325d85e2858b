using System.Net;
using MoltBot.Configuration;
using MoltBot.Gateway;
using MoltBot.Gateway.Security;
using MoltBot.Security;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Gateway.Security;

/// <summary>A gateway reachable from other machines never runs with a weak token: checked through the real executable.</summary>
[Trait("Category", "Process")]
public sealed class GatewayExposureTests : IDisposable
{
    private readonly TempDirectory _state = new();

    private Dictionary<string, string> Environment(string? token)
    {
        var environment = new Dictionary<string, string>
        {
            ["MOLTBOT_STATE_DIR"] = _state.Path,
            ["MOLTBOT_GATEWAY_PORT"] = MoltBotProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (token is not null)
        {
            environment["MOLTBOT_GATEWAY_TOKEN"] = token;
        }
        return environment;
    }

    [Theory]
    [InlineData("hunter2-but-longer")]
    [InlineData("changeme")]
    [InlineData("abababababababababababababab")]
    public async Task BindLan_WithAWeakToken_RefusesToStart_NamingTheKeyAndTheFix(string token)
    {
        var (exitCode, stdout, stderr) = await MoltBotProcess.RunAsync(["gateway", "--bind", "lan"], Environment(token));

        Assert.Equal(2, exitCode);
        Assert.Contains("gateway.auth.token", stderr, StringComparison.Ordinal);
        Assert.Contains("gateway.bind is 'lan'", stderr, StringComparison.Ordinal);
        Assert.Contains("env MOLTBOT_GATEWAY_TOKEN", stderr, StringComparison.Ordinal);
        Assert.Contains("openssl rand", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(token, stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BindLan_WithoutAToken_StartsOnlyWithAGeneratedStrongOne()
    {
        var environment = Environment(token: null);
        var port = environment["MOLTBOT_GATEWAY_PORT"];
        await using var gateway = MoltBotProcess.Start(["gateway", "--bind", "lan"], environment);
        await gateway.WaitForOutputAsync($"listening on ws://0.0.0.0:{port}");

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var anonymous = await http.GetAsync(new Uri("/v1/models", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("generated a gateway token", gateway.Stdout, StringComparison.Ordinal);
        Assert.Null(TokenStrength.Weakness(File.ReadAllText(_state.Combine("gateway.token"))));
    }

    [Fact]
    public void Loopback_AcceptsAnyToken_WhileAnExplicitNonLoopbackAddressIsChecked()
    {
        var weak = new GatewayToken("short", "test", false);

        GatewayExposureCheck.ThrowIfUnsafe(new GatewayConfig { Bind = "loopback" }, weak);
        GatewayExposureCheck.ThrowIfUnsafe(new GatewayConfig { Bind = "::1" }, weak);
        Assert.Throws<ConfigException>(() => GatewayExposureCheck.ThrowIfUnsafe(new GatewayConfig { Bind = "192.168.1.10" }, weak));
        GatewayExposureCheck.ThrowIfUnsafe(new GatewayConfig { Bind = "lan" }, new GatewayToken("Zq3xV9-kLp2Rt7Yw_mN4bC8dF1gH6jS0", "test", false));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("changeme", "well-known default")]
    [InlineData("your-gateway-token-here", "well-known default")]
    [InlineData("0123456789abcdefghijklm", "only 23 characters")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "low entropy")]
    [InlineData("passwordpasswordpassword", "low entropy")]
    public void Weakness_ExplainsWhy(string token, string expected) =>
        Assert.Contains(expected, TokenStrength.Weakness(token), StringComparison.Ordinal);

    public void Dispose() => _state.Dispose();
}
