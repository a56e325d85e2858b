using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Configuration;
using MoltBot.Security.Audit;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Gateway.Security;

/// <summary>
/// A real gateway on 127.0.0.1 (so every request comes from 127.0.0.1) with its gateway settings adjusted, on a fake
/// clock, with a recording audit log. Requests "from" other addresses go through a trusted proxy (127.0.0.1) with
/// <c>X-Forwarded-For</c>, exactly as they would behind a reverse proxy.
/// </summary>
internal sealed class SecuredGateway : IAsyncDisposable
{
    private readonly TempDirectory _state;
    private readonly FakeOpenAiServer _llm;

    private SecuredGateway(TempDirectory state, FakeOpenAiServer llm, GatewayHarness harness, FakeTimeProvider time, RecordingAuditLog audit)
    {
        _state = state;
        _llm = llm;
        Harness = harness;
        Time = time;
        Audit = audit;
    }

    public GatewayHarness Harness { get; }

    public FakeTimeProvider Time { get; }

    public RecordingAuditLog Audit { get; }

    public static async Task<SecuredGateway> StartAsync(Func<GatewayConfig, GatewayConfig> adjust)
    {
        var state = new TempDirectory();
        var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        var config = GatewayHarness.Config(llm);
        config = config with { Gateway = adjust(config.Gateway) };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var audit = new RecordingAuditLog();
        var harness = await GatewayHarness.StartAsync(state.Path, config, time, services => services.AddSingleton<IAuditLog>(audit));
        return new SecuredGateway(state, llm, harness, time, audit);
    }

    /// <summary>A client without the gateway token, optionally claiming to be <paramref name="forwardedFor"/>.</summary>
    public HttpClient Client(string? token = null, string? forwardedFor = null)
    {
        var client = new HttpClient { BaseAddress = Harness.BaseUri };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await _llm.DisposeAsync();
        _state.Dispose();
    }
}
