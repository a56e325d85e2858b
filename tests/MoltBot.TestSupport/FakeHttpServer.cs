using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MoltBot.TestSupport;

/// <summary>
/// The shared plumbing of the fake model servers: Kestrel on 127.0.0.1 with a free port, a queue of scripted
/// replies, and a ledger of every request received.
/// </summary>
public abstract class FakeHttpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeReply> _replies = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private WebApplication? _app;

    public Uri RootUrl { get; private set; } = null!;

    /// <summary>Added before every reply (benchmarks); zero in tests.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Used when no scripted reply is queued; by default the text "ok".</summary>
    public Func<RecordedRequest, FakeReply>? DefaultReply { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public void Enqueue(FakeReply reply) => _replies.Enqueue(reply);

    public void EnqueueText(string text) => Enqueue(FakeReply.FromText(text));

    public void EnqueueToolCall(string toolName, string argumentsJson, string? callId = null) => Enqueue(FakeReply.ToolCall(toolName, argumentsJson, callId));

    public void EnqueueError(int statusCode, string? body = null, IReadOnlyDictionary<string, string>? headers = null) =>
        Enqueue(FakeReply.Error(statusCode, body, headers));

    public void EnqueueHang() => Enqueue(new FakeReply { Hang = true });

    public Task<RecordedRequest> WaitForRequestAsync(int count, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource signal;
        lock (_requests)
        {
            if (_requests.Count >= count)
            {
                return Task.FromResult(_requests[count - 1]);
            }
            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
        }
        return signal.Task.WaitAsync(cancellationToken).ContinueWith(_ => Requests[count - 1], cancellationToken, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    protected async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        RootUrl = new Uri(address);
    }

    /// <summary>Maps the provider's routes; handlers call <see cref="ReceiveAsync"/> first.</summary>
    protected abstract void Map(WebApplication app);

    /// <summary>Records the request and picks the reply (queued, else default), applying latency.</summary>
    protected async Task<(RecordedRequest Request, FakeReply Reply)> ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var request = new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "", headers, body);
        lock (_requests)
        {
            _requests.Add(request);
            foreach (var waiter in _waiters.Where(w => _requests.Count >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
        var reply = _replies.TryDequeue(out var queued) ? queued : DefaultReply?.Invoke(request) ?? FakeReply.FromText("ok");
        var delay = Latency + reply.Latency;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        if (reply.Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        return (request, reply);
    }

    protected static async Task WriteErrorAsync(HttpContext context, FakeReply reply, string defaultBody)
    {
        context.Response.StatusCode = reply.StatusCode;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.ErrorBody ?? defaultBody, context.RequestAborted);
    }

    protected static async Task WriteSseAsync(HttpContext context, string? eventName, string data)
    {
        var frame = eventName is null ? $"data: {data}\n\n" : $"event: {eventName}\ndata: {data}\n\n";
        await context.Response.WriteAsync(frame, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>Splits text into a few pieces so streaming clients see several deltas.</summary>
    protected static IEnumerable<string> Pieces(string text)
    {
        for (var i = 0; i < text.Length; i += 8)
        {
            yield return text.Substring(i, Math.Min(8, text.Length - i));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
