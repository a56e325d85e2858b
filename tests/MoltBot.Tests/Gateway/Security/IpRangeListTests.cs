using System.Net;
using MoltBot.Configuration;
using MoltBot.Gateway.Security;

namespace MoltBot.Tests.Gateway.Security;

public sealed class IpRangeListTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.200.3.4", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("10.0.0.0/8", "::ffff:10.1.2.3", true)] // what a dual-stack socket reports for an IPv4 client
    [InlineData("203.0.113.7", "203.0.113.7", true)]
    [InlineData("203.0.113.7", "203.0.113.8", false)]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7", true)]
    [InlineData("2001:db8::/32", "2001:db8:1::5", true)]
    [InlineData("2001:db8::/32", "2001:db9::5", false)]
    [InlineData("::1", "::1", true)]
    [InlineData("0.0.0.0/0", "198.51.100.1", true)]
    [InlineData("0.0.0.0/0", "2001:db8::1", false)]
    public void Contains_MatchesRangesAndSingleAddresses(string entry, string address, bool expected) =>
        Assert.Equal(expected, IpRangeList.Parse([entry], "gateway.allowedIpRanges").Contains(IPAddress.Parse(address)));

    [Theory]
    [InlineData("10.0.0.1/8", "did you mean 10.0.0.0/8?")]
    [InlineData("10.0.0.0/33", "prefix length")]
    [InlineData("10/8", "not an IP address")]
    [InlineData("localhost", "not an IP address")]
    [InlineData("10.0.0.0/x", "prefix length")]
    public void Parse_BadEntry_NamesTheKeyTheEntryAndTheFix(string entry, string problem)
    {
        var error = Assert.Throws<ConfigException>(() => IpRangeList.Parse(["127.0.0.1", entry], "gateway.trustedProxies"));

        var issue = Assert.Single(error.Issues);
        Assert.Equal("gateway.trustedProxies", issue.Key);
        Assert.Contains($"'{entry}'", issue.Message, StringComparison.Ordinal);
        Assert.Contains(problem, issue.Message, StringComparison.Ordinal);
        Assert.Contains("CIDR", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AllowedIpRangesFromEnvironment_SplitsAndValidates()
    {
        var loaded = Load(new() { ["ALLOWED_IP_RANGES"] = " 203.0.113.0/24 , 2001:db8::/48," });
        Assert.Equal(["203.0.113.0/24", "2001:db8::/48"], loaded.Config.Gateway.AllowedIpRanges);

        var error = Assert.Throws<ConfigException>(() => Load(new() { ["ALLOWED_IP_RANGES"] = "203.0.113.0/24,300.1.2.3" }));
        var issue = Assert.Single(error.Issues);
        Assert.Equal("gateway.allowedIpRanges", issue.Key);
        Assert.Contains("'300.1.2.3'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("env ALLOWED_IP_RANGES", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TrustedProxiesFromFile_ReportsFileAndLine()
    {
        var error = Assert.Throws<ConfigException>(() => Load([], """
            {
              gateway: {
                trustedProxies: ["10.0.0.0/8", "10.1.2.3/16"],
              },
            }
            """));

        var issue = Assert.Single(error.Issues);
        Assert.Equal("gateway.trustedProxies", issue.Key);
        Assert.Equal(3, issue.Line);
        Assert.Contains("did you mean 10.1.0.0/16?", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RateLimitDefaults_AreSensible()
    {
        var rateLimit = Load([]).Config.Gateway.Auth.RateLimit;

        Assert.Equal(10, rateLimit.MaxFailures);
        Assert.Equal(TimeSpan.FromMinutes(1), rateLimit.Window);
        Assert.Equal(TimeSpan.FromMinutes(5), rateLimit.Lockout);
    }

    private static LoadedConfig Load(Dictionary<string, string?> environment, string? file = null)
    {
        environment[MoltBotPaths.StateDirVariable] = Path.GetTempPath();
        return ConfigLoader.Load(new ConfigLoadRequest(environment, new Dictionary<string, string>()), MoltBotPaths.Resolve(environment), file);
    }
}
