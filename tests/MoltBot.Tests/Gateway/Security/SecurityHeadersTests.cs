using System.Net;
using System.Text.RegularExpressions;
using MoltBot.Configuration;
using MoltBot.Gateway.Security;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Gateway.Security;

/// <summary>Every gateway response carries the browser-hardening headers: pages, API, probes, errors and refusals.</summary>
public sealed class SecurityHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        await using var gateway = await SecuredGateway.StartAsync(g => g with
        {
            AllowedIpRanges = ["127.0.0.1", "203.0.113.0/24"],
            TrustedProxies = ["127.0.0.1"],
            Auth = g.Auth with { RateLimit = new GatewayAuthRateLimitConfig { MaxFailures = 1 } },
        });
        using var owner = gateway.Client(GatewayHarness.Token);
        using var anonymous = gateway.Client();
        using var outsider = gateway.Client(GatewayHarness.Token, forwardedFor: "198.51.100.9");
        using var attacker = gateway.Client("wrong-token-0123456789abcdefghij", forwardedFor: "203.0.113.66");
        using (await attacker.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct))
        using (await attacker.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct))
        {
        }

        var stylesheet = SameOriginResources(await anonymous.GetStringAsync(new Uri("/", UriKind.Relative), Ct)).First(r => r.EndsWith(".css", StringComparison.Ordinal));

        var responses = new List<(string What, HttpResponseMessage Response, HttpStatusCode Expected)>
        {
            ("page at /", await anonymous.GetAsync(new Uri("/", UriKind.Relative), Ct), HttpStatusCode.OK),
            ("stylesheet", await anonymous.GetAsync(new Uri(stylesheet, UriKind.Relative), Ct), HttpStatusCode.OK),
            ("probe", await anonymous.GetAsync(new Uri("/health", UriKind.Relative), Ct), HttpStatusCode.OK),
            ("API", await owner.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct), HttpStatusCode.OK),
            ("unknown path", await owner.GetAsync(new Uri("/nope", UriKind.Relative), Ct), HttpStatusCode.NotFound),
            ("no token", await anonymous.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct), HttpStatusCode.Unauthorized),
            ("not allowed", await outsider.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct), HttpStatusCode.Forbidden),
            ("throttled", await attacker.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct), HttpStatusCode.TooManyRequests),
        };

        foreach (var (what, response, expected) in responses)
        {
            using (response)
            {
                Assert.True(expected == response.StatusCode, $"{what}: {response.StatusCode}");
                Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
                Assert.Equal("DENY", Header(response, "X-Frame-Options"));
                Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
                Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
                Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
                Assert.Equal(SecurityHeadersMiddleware.PermissionsPolicy, Header(response, "Permissions-Policy"));
                // The Control UI's static files hold no secrets and are revalidated by ETag; everything else is never cached.
                var staticFile = what is "page at /" or "stylesheet";
                Assert.Equal(staticFile ? "no-cache" : "no-store", Header(response, "Cache-Control"));
            }
        }
    }

    [Fact]
    public async Task PageAtRoot_HasNoInlineScriptOrStyle_AndItsFilesLoadUnderTheCsp()
    {
        await using var gateway = await SecuredGateway.StartAsync(g => g);
        using var anonymous = gateway.Client();

        var html = await anonymous.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        // script-src/style-src 'self' without 'unsafe-inline': inline code, style attributes and handlers would be blocked.
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\s(style|on[a-z]+)\s*=", html);
        var resources = SameOriginResources(html);
        Assert.Contains(resources, r => r.EndsWith(".css", StringComparison.Ordinal));
        foreach (var resource in resources)
        {
            using var response = await anonymous.GetAsync(new Uri(resource, UriKind.Relative), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{resource}: {response.StatusCode}");
        }
    }

    /// <summary>The same-origin files a page links (<c>href="/..."</c>, <c>src="/..."</c>).</summary>
    private static List<string> SameOriginResources(string html) =>
        [.. Regex.Matches(html, "(?:href|src)=\"(/[^\"#]*)\"").Select(m => m.Groups[1].Value).Where(r => r != "/").Distinct()];

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
        : "(missing)";
}
