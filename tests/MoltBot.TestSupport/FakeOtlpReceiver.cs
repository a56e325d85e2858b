using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MoltBot.TestSupport;

/// <summary>An OTLP/HTTP collector on 127.0.0.1: accepts protobuf POSTs to <c>/v1/metrics</c> (and the other signals) and records them.</summary>
public sealed class FakeOtlpReceiver : IAsyncDisposable
{
    private readonly List<OtlpRequest> _requests = [];
    private readonly SemaphoreSlim _received = new(0);
    private WebApplication? _app;

    private FakeOtlpReceiver()
    {
    }

    /// <summary>The base URL to use as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (<c>http://127.0.0.1:PORT</c>).</summary>
    public string Endpoint { get; private set; } = "";

    public IReadOnlyList<OtlpRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeOtlpReceiver> StartAsync(CancellationToken ct = default)
    {
        var receiver = new FakeOtlpReceiver();
        (receiver._app, receiver.Endpoint) = await LoopbackApp.StartAsync(receiver.HandleAsync, ct);
        return receiver;
    }

    /// <summary>Waits for the first request to <paramref name="path"/>.</summary>
    public async Task<OtlpRequest> WaitForAsync(string path, CancellationToken ct)
    {
        while (true)
        {
            if (Requests.FirstOrDefault(r => r.Path == path) is { } found)
            {
                return found;
            }
            await _received.WaitAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackApp.StopAsync(_app);
        _received.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        lock (_requests)
        {
            _requests.Add(new OtlpRequest(context.Request.Method, context.Request.Path, context.Request.ContentType, body.ToArray()));
        }
        _received.Release();
        // An empty Export*ServiceResponse is an empty protobuf message.
        context.Response.ContentType = "application/x-protobuf";
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}

public sealed record OtlpRequest(string Method, string Path, string? ContentType, byte[] Body);
