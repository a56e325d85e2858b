using System.Net;
using System.Text.RegularExpressions;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.ControlUi;

/// <summary>The Control UI's static files: served without the token, cacheable, and free of inline script so a strict CSP holds.</summary>
public sealed partial class ControlUiTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private FakeOpenAiServer _llm = null!;
    private GatewayHarness _gateway = null!;
    private HttpClient _anonymous = null!;

    public async ValueTask InitializeAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync(Ct);
        _gateway = await GatewayHarness.StartAsync(_state.Path, GatewayHarness.Config(_llm));
        _anonymous = new HttpClient { BaseAddress = _gateway.BaseUri };
    }

    public async ValueTask DisposeAsync()
    {
        _anonymous.Dispose();
        await _gateway.DisposeAsync();
        await _llm.DisposeAsync();
        _state.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/assets/app.js", "text/javascript")]
    [InlineData("/assets/app.css", "text/css")]
    [InlineData("/assets/favicon.svg", "image/svg+xml")]
    public async Task Assets_AreServedWithoutToken(string path, string contentType)
    {
        using var response = await _anonymous.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task UnknownAsset_StillNeedsTheToken()
    {
        using var response = await _anonymous.GetAsync("/assets/secrets.json", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Revalidation_WithTheETag_Returns304()
    {
        using var first = await _anonymous.GetAsync("/assets/app.js", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/app.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await _anonymous.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Page_HasNoInlineScriptOrStyle_AndNeverTakesAGatewayUrlFromTheAddress()
    {
        var html = await _anonymous.GetStringAsync("/", Ct);
        var js = await _anonymous.GetStringAsync("/assets/app.js", Ct);

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(InlineHandlerOrStyle(), html);
        // CVE-2026-25253 in the original: a ?gatewayUrl= parameter made the UI send its token to any server.
        Assert.DoesNotContain("gatewayUrl", js, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("${location.host}/", js, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", js, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\s(on[a-z]+|style)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandlerOrStyle();
}
