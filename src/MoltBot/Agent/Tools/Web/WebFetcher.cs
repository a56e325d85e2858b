using System.Net;
using System.Text;
using MoltBot.Agent.Tools.Web.Ssrf;
using MoltBot.Configuration;

namespace MoltBot.Agent.Tools.Web;

/// <summary>
/// GETs one URL for <c>web_fetch</c>: through the <see cref="SsrfGuard"/> at connect time, following redirects itself
/// (each hop re-checked), within the time limit and the byte cap. No proxy, no cookies.
/// </summary>
internal sealed class WebFetcher : IDisposable
{
    private readonly WebFetchConfig _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;

    public WebFetcher(WebFetchConfig options, SsrfGuard guard, TimeProvider time)
    {
        _options = options;
        _time = time;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false, // a proxy would do the connecting, out of the guard's sight
            UseCookies = false,
            ConnectCallback = guard.ConnectAsync,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        })
        { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<WebFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.TimeoutSeconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await FetchFollowingRedirectsAsync(url, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new WebFetchException($"timed out after {_options.TimeoutSeconds} s fetching {url} (tools.web.fetch.timeoutSeconds).");
        }
        catch (HttpRequestException ex) when (SsrfGuard.FindRefusal(ex) is { } refused)
        {
            throw refused;
        }
        catch (HttpRequestException ex)
        {
            throw new WebFetchException($"could not fetch {url}: {ex.Message}");
        }
    }

    private async Task<WebFetchResult> FetchFollowingRedirectsAsync(Uri url, CancellationToken cancellationToken)
    {
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            SsrfGuard.CheckScheme(current);
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
            request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9,application/json;q=0.8,*/*;q=0.5");
            request.Headers.TryAddWithoutValidation("Accept-Language", "en-US,en;q=0.9");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                if (redirects >= _options.MaxRedirects)
                {
                    throw new WebFetchException($"stopped after {_options.MaxRedirects} redirects at {current} (tools.web.fetch.maxRedirects).");
                }
                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }
            var (body, bytes, truncated) = await ReadCappedAsync(response.Content, cancellationToken);
            return new WebFetchResult(current, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, bytes, truncated);
        }
    }

    private async Task<(string Body, long Bytes, bool Truncated)> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var cap = _options.MaxResponseBytes;
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(cap + 1, 81_920)];
        using var collected = new MemoryStream();
        int read;
        while (collected.Length <= cap && (read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, cap + 1 - collected.Length)), cancellationToken)) > 0)
        {
            collected.Write(buffer, 0, read);
        }
        var truncated = collected.Length > cap;
        var bytes = collected.GetBuffer().AsSpan(0, (int)Math.Min(collected.Length, cap));
        return (EncodingOf(content).GetString(bytes), bytes.Length, truncated);
    }

    private static Encoding EncodingOf(HttpContent content)
    {
        try
        {
            return content.Headers.ContentType?.CharSet is { Length: > 0 } charset ? Encoding.GetEncoding(charset.Trim('"')) : Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8; // unknown charset: UTF-8 reads most of the web
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    public void Dispose() => _http.Dispose();
}
