using MoltBot.Configuration;
using MoltBot.Gateway;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Gateway;

public sealed class GatewayTokenTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private MoltBotPaths Paths => new(_dir.Path, _dir.Combine("moltbot.json"));

    [Fact]
    public void Resolve_NoneConfigured_GeneratesOnce_StoresPrivately()
    {
        var first = GatewayToken.Resolve(new MoltBotConfig(), Paths);
        var second = GatewayToken.Resolve(new MoltBotConfig(), Paths);

        Assert.True(first.GeneratedNow);
        Assert.False(second.GeneratedNow);
        Assert.Equal(first.Value, second.Value);
        Assert.True(first.Value.Length >= 32);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Paths.TokenPath));
        }
    }

    [Fact]
    public void Resolve_Configured_WinsAndWritesNothing()
    {
        var config = new MoltBotConfig { Gateway = new GatewayConfig { Auth = new GatewayAuthConfig { Token = new SecretValue("configured-token-configured-token-xx", "env MOLTBOT_GATEWAY_TOKEN") } } };
        var token = GatewayToken.Resolve(config, Paths);
        Assert.Equal("configured-token-configured-token-xx", token.Value);
        Assert.False(File.Exists(Paths.TokenPath));
    }

    [Theory]
    [InlineData("secret-token-value-0123456789abcdef", true)]
    [InlineData("secret-token-value-0123456789abcdeF", false)]
    [InlineData("secret", false)]
    [InlineData("", false)]
    public void Matches_ExactOnly(string candidate, bool expected) =>
        Assert.Equal(expected, new GatewayToken("secret-token-value-0123456789abcdef", "test", false).Matches(candidate));

    [Fact]
    public void ToString_NeverRevealsValue() => Assert.Equal("***", new GatewayToken("abc", "x", false).ToString());

    public void Dispose() => _dir.Dispose();
}
