using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MoltBot.TestSupport.Web;

/// <summary>
/// A scripted web site on 127.0.0.1 for <c>web_fetch</c> tests: pages, redirects, a body that never ends and a
/// request that is never answered. Records every request it receives.
/// </summary>
public sealed class FakeWebServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrivals = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string Address { get; private set; } = "";

    public int Port => new Uri(Address).Port;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Bytes written by <see cref="StreamForever"/> routes so far.</summary>
    public long StreamedBytes => Interlocked.Read(ref _streamedBytes);

    private long _streamedBytes;

    public static async Task<FakeWebServer> StartAsync(CancellationToken ct = default)
    {
        var server = new FakeWebServer();
        var (app, address) = await LoopbackApp.StartAsync(server.HandleAsync, ct);
        server._app = app;
        server.Address = address;
        return server;
    }

    public string Url(string path) => Address + path;

    public void Page(string path, string contentType, string body, int status = 200) => _routes[path] = async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    };

    public void Redirect(string path, string location, int status = 302) => _routes[path] = context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    /// <summary>An HTML body that never ends: 8 KB chunks until the client goes away.</summary>
    public void StreamForever(string path) => _routes[path] = async context =>
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        var chunk = System.Text.Encoding.UTF8.GetBytes("<p>" + new string('x', 8_185) + "</p>");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, stop.Token);
                Interlocked.Add(ref _streamedBytes, chunk.Length);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // the client stopped reading: that is the point
        }
    };

    /// <summary>Accepts the request and never answers (until the client gives up or the server stops).</summary>
    public void Hang(string path) => _routes[path] = async context =>
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    };

    /// <summary>Completes when a request for <paramref name="path"/> has arrived.</summary>
    public Task WaitForRequestAsync(string path, CancellationToken ct = default) =>
        _arrivals.GetOrAdd(path, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(ct);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, path, context.Request.QueryString.Value ?? "", headers, ""));
        _arrivals.GetOrAdd(path, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (_routes.TryGetValue(path, out var route))
        {
            await route(context);
            return;
        }
        context.Response.StatusCode = 404;
        await context.Response.WriteAsync("not found", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await LoopbackApp.StopAsync(_app);
        _stopping.Dispose();
    }
}
