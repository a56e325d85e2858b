using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MoltBot.TestSupport.Discord;

namespace MoltBot.TestSupport;

/// <summary>
/// An HTTP proxy on 127.0.0.1 in front of a fake, which can cut the connection before a request is forwarded (the far
/// side never saw it) or after (the far side acted on it, the client never heard back). Its <see cref="Ledger"/> says
/// what reached the far side, so exactly-once promises can be checked against both kinds of loss.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults = [];
    private readonly List<ProxiedRequest> _ledger = [];
    private readonly FakeSignal _cuts = new();
    private readonly FakeSignal _recorded = new();
    private readonly HttpClient _forward = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = Timeout.InfiniteTimeSpan, // long polls pass through; the client's own timeout applies
    };
    private readonly string _target;
    private WebApplication? _app;

    private FaultProxy(string target) => _target = target;

    /// <summary>The proxy's root (<c>http://127.0.0.1:PORT</c>); use it where the product would use the target's root.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Every request the proxy saw, in order, and whether it reached the far side.</summary>
    public IReadOnlyList<ProxiedRequest> Ledger
    {
        get
        {
            lock (_gate)
            {
                return [.. _ledger];
            }
        }
    }

    /// <param name="target">The far side's root, e.g. a fake's <c>http://127.0.0.1:PORT</c>.</param>
    public static async Task<FaultProxy> StartAsync(string target, CancellationToken ct = default)
    {
        var proxy = new FaultProxy(target.TrimEnd('/'));
        (proxy._app, proxy.Address) = await LoopbackApp.StartAsync(proxy.HandleAsync, ct);
        return proxy;
    }

    /// <summary>The next <paramref name="times"/> requests whose path ends with <paramref name="pathSuffix"/> are cut unforwarded.</summary>
    public void CutBeforeForwarding(string pathSuffix, int times = 1) => AddFault(pathSuffix, times, afterForwarding: false);

    /// <summary>The next <paramref name="times"/> matching requests are forwarded, then the client's connection is cut.</summary>
    public void CutAfterForwarding(string pathSuffix, int times = 1) => AddFault(pathSuffix, times, afterForwarding: true);

    /// <summary>Waits until <paramref name="count"/> connections were cut.</summary>
    public Task WaitForCutsAsync(int count, CancellationToken ct = default) => _cuts.WaitAsync(count, ct);

    /// <summary>Waits until <paramref name="count"/> requests whose path ends with <paramref name="pathSuffix"/> reached the far side.</summary>
    public async Task WaitForForwardedAsync(string pathSuffix, int count, CancellationToken ct = default)
    {
        while (true)
        {
            var seen = _recorded.Count;
            if (Ledger.Count(r => r.Forwarded && r.Path.EndsWith(pathSuffix, StringComparison.Ordinal)) >= count)
            {
                return;
            }
            await _recorded.WaitAsync(seen + 1, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackApp.StopAsync(_app);
        _forward.Dispose();
    }

    private void AddFault(string pathSuffix, int times, bool afterForwarding)
    {
        lock (_gate)
        {
            _faults.Add(new Fault(pathSuffix, times, afterForwarding));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var fault = TakeFault(path);
        if (fault is { AfterForwarding: false })
        {
            Record(new ProxiedRequest(context.Request.Method, path, Forwarded: false, Status: null, Cut: true));
            Cut(context);
            return;
        }

        using var request = await CopyRequestAsync(context.Request);
        using var response = await _forward.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        Record(new ProxiedRequest(context.Request.Method, path, Forwarded: true, (int)response.StatusCode, Cut: fault is not null));
        if (fault is not null)
        {
            Cut(context);
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private async Task<HttpRequestMessage> CopyRequestAsync(HttpRequest incoming)
    {
        // Concatenated, not resolved: a Bot API path (/bot123:abc/getMe) would parse as a URI scheme.
        var target = new Uri(_target + incoming.Path.Value + incoming.QueryString.Value);
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), target);
        using var buffer = new MemoryStream();
        await incoming.Body.CopyToAsync(buffer);
        if (buffer.Length > 0 || incoming.ContentLength is not null)
        {
            request.Content = new ByteArrayContent(buffer.ToArray());
        }
        foreach (var header in incoming.Headers)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }
        return request;
    }

    private Fault? TakeFault(string path)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => path.EndsWith(f.PathSuffix, StringComparison.Ordinal));
            if (fault is null)
            {
                return null;
            }
            fault.Remaining--;
            if (fault.Remaining == 0)
            {
                _faults.Remove(fault);
            }
            return fault;
        }
    }

    private void Record(ProxiedRequest entry)
    {
        lock (_gate)
        {
            _ledger.Add(entry);
        }
        _recorded.Increment();
    }

    private void Cut(HttpContext context)
    {
        context.Abort(); // a reset connection: the client sees a network error, not an HTTP status
        _cuts.Increment();
    }

    private sealed class Fault(string pathSuffix, int times, bool afterForwarding)
    {
        public string PathSuffix { get; } = pathSuffix;
        public bool AfterForwarding { get; } = afterForwarding;
        public int Remaining { get; set; } = times;
    }
}

/// <summary>One request through a <see cref="FaultProxy"/>: whether the far side got it, its answer, and whether the client's connection was cut.</summary>
public sealed record ProxiedRequest(string Method, string Path, bool Forwarded, int? Status, bool Cut);
