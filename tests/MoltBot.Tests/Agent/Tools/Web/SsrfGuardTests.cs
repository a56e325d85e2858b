using System.Net;
using MoltBot.Agent.Tools.Web.Ssrf;
using MoltBot.TestSupport.Web;

namespace MoltBot.Tests.Agent.Tools.Web;

/// <summary>
/// Tries to make <c>web_fetch</c> reach what it must not: loopback, metadata, private ranges in disguise, names that
/// resolve inside, and an allowed site that redirects inside. None of these use <c>tools.web.allowPrivate</c> for the target.
/// </summary>
public sealed class SsrfGuardTests : IAsyncLifetime
{
    private FakeWebServer _site = null!;

    public async ValueTask InitializeAsync()
    {
        _site = await FakeWebServer.StartAsync(TestContext.Current.CancellationToken);
        _site.Page("/secret", "text/plain", "internal secret");
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Fetch_Loopback_RefusedBeforeAnyRequest()
    {
        var result = await WebFetchHarness.Create().FetchAsync(_site.Url("/secret"));

        Assert.Equal("refused: 127.0.0.1 is a loopback address; add it to tools.web.allowPrivate if you really mean it", result);
        Assert.Empty(_site.Requests);
    }

    [Fact]
    public async Task Fetch_MetadataAddress_RefusedWithTheFix()
    {
        var result = await WebFetchHarness.Create().FetchAsync("http://169.254.169.254/latest/meta-data/iam/security-credentials/");

        Assert.Equal("refused: 169.254.169.254 is a link-local/metadata address; add it to tools.web.allowPrivate if you really mean it", result);
    }

    [Fact]
    public async Task Fetch_IPv4MappedIPv6Loopback_Refused()
    {
        var result = await WebFetchHarness.Create().FetchAsync($"http://[::ffff:127.0.0.1]:{_site.Port}/secret");

        Assert.StartsWith("refused: ", result, StringComparison.Ordinal);
        Assert.Contains("a loopback address", result, StringComparison.Ordinal);
        Assert.Empty(_site.Requests);
    }

    [Fact]
    public async Task Fetch_NameResolvingToLoopback_RefusedAtConnect()
    {
        var result = await WebFetchHarness.Create().FetchAsync($"http://localhost:{_site.Port}/secret");

        Assert.StartsWith("refused: localhost resolves to ", result, StringComparison.Ordinal);
        Assert.Contains("a loopback address", result, StringComparison.Ordinal);
        Assert.Empty(_site.Requests);
    }

    [Fact]
    public async Task Fetch_PublicLookingNameRebindingToPrivate_Refused()
    {
        // What a rebinding DNS does: a harmless name whose answer points inside.
        var tool = WebFetchHarness.Create(resolve: (_, _) => Task.FromResult(new[] { IPAddress.Parse("10.0.0.7") }));

        var result = await tool.FetchAsync("http://totally-public.example/admin");

        Assert.Equal("refused: totally-public.example resolves to 10.0.0.7, a private address; add it to tools.web.allowPrivate if you really mean it", result);
    }

    [Fact]
    public async Task Fetch_AllowedSiteRedirectingToLoopback_RedirectTargetRefused()
    {
        await using var inside = await FakeWebServer.StartAsync(TestContext.Current.CancellationToken);
        inside.Page("/secret", "text/plain", "internal secret");
        _site.Redirect("/go", inside.Url("/secret"));
        var tool = WebFetchHarness.Create(allowPrivate: [$"127.0.0.1:{_site.Port}"]);

        var result = await tool.FetchAsync(_site.Url("/go"));

        Assert.Equal("refused: 127.0.0.1 is a loopback address; add it to tools.web.allowPrivate if you really mean it", result);
        Assert.Single(_site.Requests);
        Assert.Empty(inside.Requests);
    }

    [Fact]
    public async Task Fetch_ExactHostPortAllowed_Reaches()
    {
        var result = await WebFetchHarness.Create(allowPrivate: [$"127.0.0.1:{_site.Port}"]).FetchAsync(_site.Url("/secret"));

        Assert.Contains("internal secret", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "refused: file: URL")]
    [InlineData("ftp://example.org/x", "refused: ftp: URL")]
    [InlineData("gopher://127.0.0.1:6379/_INFO", "refused: gopher: URL")]
    public async Task Fetch_NonHttpScheme_Refused(string url, string expected)
    {
        var result = await WebFetchHarness.Create().FetchAsync(url);

        Assert.StartsWith(expected, result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.1.2.3", "a private address")]
    [InlineData("172.16.0.1", "a private address")]
    [InlineData("172.31.255.255", "a private address")]
    [InlineData("192.168.1.1", "a private address")]
    [InlineData("127.0.0.2", "a loopback address")]
    [InlineData("169.254.169.254", "a link-local/metadata address")]
    [InlineData("100.64.0.1", "a carrier-grade NAT (100.64.0.0/10) address")]
    [InlineData("0.0.0.0", "an unspecified ('this network') address")]
    [InlineData("224.0.0.251", "a multicast address")]
    [InlineData("255.255.255.255", "a reserved/broadcast address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("::", "an unspecified address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("fd00:ec2::254", "a private (unique-local) address")]
    [InlineData("ff02::1", "a multicast address")]
    [InlineData("::ffff:10.0.0.1", "a private address")]
    [InlineData("::ffff:169.254.169.254", "a link-local/metadata address")]
    [InlineData("::127.0.0.1", "a loopback address")]
    [InlineData("64:ff9b::7f00:1", "a loopback address")]
    [InlineData("2002:a9fe:a9fe::", "a link-local/metadata address")]
    public void Classify_InternalAddress_SaysWhat(string address, string expected) =>
        Assert.Equal(expected, SsrfAddressRules.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Classify_PublicAddress_IsNull(string address) =>
        Assert.Null(SsrfAddressRules.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("192.168.1.0/24", "nas", 80, "192.168.1.20", true)]
    [InlineData("192.168.1.0/24", "nas", 80, "192.168.2.20", false)]
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8080, "127.0.0.1", true)]
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8081, "127.0.0.1", false)]
    [InlineData("[::1]:8080", "::1", 8080, "::1", true)]
    [InlineData("::1", "::1", 9, "::1", true)]
    [InlineData("nas.local", "NAS.local", 443, "10.0.0.5", true)]
    [InlineData("nas.local:8443", "nas.local", 443, "10.0.0.5", false)]
    [InlineData("127.0.0.1", "127.0.0.1", 1, "::ffff:127.0.0.1", true)]
    public void AllowList_Entry_MatchesHostPortOrAddress(string entry, string host, int port, string address, bool expected) =>
        Assert.Equal(expected, new SsrfAllowList([entry]).Allows(host, port, IPAddress.Parse(address)));
}
