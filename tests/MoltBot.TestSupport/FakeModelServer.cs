using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MoltBot.TestSupport;

/// <summary>
/// A real HTTP server on 127.0.0.1 (random port) that records every request and answers from a queue of
/// <see cref="FakeReply"/>s. Subclasses speak one provider's wire format.
/// </summary>
public abstract class FakeModelServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeReply> _replies = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource<RecordedRequest> Done)> _waiters = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private long _serverTicks;
    private long _lastStarted;
    private long _lastEnded;
    private TaskCompletionSource _held = Released();
    private int _inFlight;
    private int _maxInFlight;

    public Uri RootUrl { get; private set; } = null!;

    /// <summary>Added before each reply (benchmarks).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>False keeps no request history (long benchmark runs); <see cref="WaitForRequestAsync"/> then never resolves.</summary>
    public bool KeepRequests { get; set; } = true;

    /// <summary>Time spent handling completion requests, from reading the request to the reply's end, summed over all requests (the "LLM time" benchmarks subtract).</summary>
    public TimeSpan TotalServerTime => TimeSpan.FromTicks(Interlocked.Read(ref _serverTicks));

    /// <summary>Stopwatch timestamps of the latest completion request's handler start and end (benchmarks split the overhead around it).</summary>
    public (long Started, long Ended) LastRequestSpan => (Interlocked.Read(ref _lastStarted), Interlocked.Read(ref _lastEnded));

    /// <summary>Used when the queue is empty; by default every request is answered with the text "ok".</summary>
    public Func<RecordedRequest, FakeReply>? DefaultReply { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Completion requests received and not yet answered (held, delayed or streaming).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most completion requests that were in flight at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Completion requests wait (recorded, unanswered) until <see cref="ReleaseReplies"/>: tests count what is in flight.</summary>
    public void HoldReplies()
    {
        lock (_gate)
        {
            if (_held.Task.IsCompleted)
            {
                _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Answers every held request, and later ones at once.</summary>
    public void ReleaseReplies()
    {
        lock (_gate)
        {
            _held.TrySetResult();
        }
    }

    public void Enqueue(FakeReply reply) => _replies.Enqueue(reply);

    public void EnqueueText(string text) => Enqueue(FakeReply.FromText(text));

    public void EnqueueToolCall(string toolName, string argumentsJson, string? callId = null) =>
        Enqueue(FakeReply.FromToolCall(toolName, argumentsJson, callId));

    public void EnqueueError(int statusCode, string? body = null, IReadOnlyDictionary<string, string>? headers = null) =>
        Enqueue(FakeReply.Error(statusCode, body, headers));

    public void EnqueueHang() => Enqueue(FakeReply.Hanging());

    /// <summary>Resolves with the <paramref name="count"/>-th request once at least that many have arrived.</summary>
    public Task<RecordedRequest> WaitForRequestAsync(int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return Task.FromResult(_requests[count - 1]);
            }
            var done = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task.WaitAsync(ct);
        }
    }

    protected async Task StartCoreAsync(CancellationToken ct)
    {
        var (app, address) = await LoopbackApp.StartAsync(HandleAsync, ct);
        RootUrl = new Uri(address);
        _app = app;
    }

    /// <summary>Answers a request that <see cref="RouteReply"/> accepted.</summary>
    protected abstract Task WriteReplyAsync(HttpContext context, RecordedRequest request, FakeReply reply, CancellationToken ct);

    /// <summary>Answers requests that are not model calls (e.g. a model list); return false to let the queue answer.</summary>
    protected abstract Task<bool> TryHandleOtherAsync(HttpContext context, RecordedRequest request);

    /// <summary>Whether the path is this provider's completion endpoint.</summary>
    protected abstract bool IsCompletionPath(string path);

    protected static async Task WriteSseAsync(HttpContext context, string? eventName, string data, CancellationToken ct)
    {
        var text = eventName is null ? $"data: {data}\n\n" : $"event: {eventName}\ndata: {data}\n\n";
        await context.Response.WriteAsync(text, ct);
        await context.Response.Body.FlushAsync(ct);
    }

    protected static void StartSse(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
    }

    /// <summary>Splits text into a few chunks so streaming clients see several deltas.</summary>
    protected static IEnumerable<string> Chunk(string text)
    {
        if (text.Length == 0)
        {
            yield return text;
            yield break;
        }
        var size = Math.Max(1, (text.Length + 2) / 3);
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        // The model's time starts when its handler does: reading the request is the model server's work, not the gateway's.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _lastStarted, started);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name] = values.ToString();
        }
        var request = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", headers, body);
        Record(request);

        if (await TryHandleOtherAsync(context, request))
        {
            return;
        }
        if (!IsCompletionPath(request.Path))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync($"{{\"error\":{{\"message\":\"no route {request.Method} {request.Path}\"}}}}");
            return;
        }

        var reply = _replies.TryDequeue(out var queued) ? queued : DefaultReply?.Invoke(request) ?? FakeReply.FromText("ok");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var ct = linked.Token;
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); inFlight > max; max = Volatile.Read(ref _maxInFlight))
        {
            Interlocked.CompareExchange(ref _maxInFlight, inFlight, max);
        }
        try
        {
            Task held;
            lock (_gate)
            {
                held = _held.Task;
            }
            await held.WaitAsync(ct);
            var delay = Latency + reply.Latency;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, ct);
            }
            if (reply.Hang)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            foreach (var (name, value) in reply.Headers)
            {
                context.Response.Headers[name] = value;
            }
            await WriteReplyAsync(context, request, reply, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            context.Abort();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            var ended = System.Diagnostics.Stopwatch.GetTimestamp();
            Interlocked.Exchange(ref _lastEnded, ended);
            Interlocked.Add(ref _serverTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started, ended).Ticks);
        }
    }

    private void Record(RecordedRequest request)
    {
        if (!KeepRequests)
        {
            return;
        }
        lock (_gate)
        {
            _requests.Add(request);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_requests.Count >= _waiters[i].Count)
                {
                    _waiters[i].Done.TrySetResult(_requests[_waiters[i].Count - 1]);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await LoopbackApp.StopAsync(_app);
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
