using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Configuration;
using MoltBot.Gateway;
using MoltBot.TestSupport;

namespace MoltBot.Tests.Infrastructure;

/// <summary>
/// The real gateway (Kestrel on 127.0.0.1, port 0) over a temp state folder, with one provider <c>fake</c>
/// pointed at a <see cref="FakeOpenAiServer"/>. Restartable over the same state to test durability.
/// </summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = "test-gateway-token-0123456789abcdef";
    public const string Model = "fake/gpt-test";

    private readonly WebApplication _app;
    private readonly SynchronizedWriter _output;

    private GatewayHarness(WebApplication app, SynchronizedWriter output, Uri baseUri)
    {
        _app = app;
        _output = output;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public Uri BaseUri { get; }

    /// <summary>Authenticated with the gateway token.</summary>
    public HttpClient Http { get; }

    public string Output => _output.ToString();

    /// <summary>The running gateway's services (metrics, stores) for assertions the wire cannot show.</summary>
    internal IServiceProvider Services => _app.Services;

    internal static MoltBotConfig Config(FakeOpenAiServer llm, int contextWindow = 128_000, int maxTokens = 1_024) => new()
    {
        Gateway = new GatewayConfig { Port = 0, Auth = new GatewayAuthConfig { Token = new SecretValue(Token, "test") } },
        Agents = new AgentsConfig { Defaults = new AgentDefaults { Model = new ModelSelection { Primary = Model } } },
        // Tests call the API many times in a row from one address; SenderRateLimitTests turns the default limit back on.
        Channels = new ChannelsConfig { WebChat = new WebChatChannelConfig { RateLimit = new RateLimitConfig { Enabled = false } } },
        Models = new ModelsConfig
        {
            Providers = new Dictionary<string, ProviderConfig>
            {
                ["fake"] = new()
                {
                    BaseUrl = llm.BaseUrl.ToString(),
                    Api = "openai-completions",
                    ApiKey = new SecretValue("sk-test-fake", "test"),
                    Models = [new ModelDefinition { Id = "gpt-test", ContextWindow = contextWindow, MaxTokens = maxTokens }],
                },
            },
        },
    };

    internal static async Task<GatewayHarness> StartAsync(
        string stateDir, MoltBotConfig config, TimeProvider? timeProvider = null, Action<IServiceCollection>? configureServices = null,
        Func<Azure.Core.TokenCredential>? keyVaultCredential = null)
    {
        var output = new SynchronizedWriter();
        var paths = new MoltBotPaths(stateDir, Path.Combine(stateDir, "moltbot.json"));
        var options = new GatewayHostOptions { Output = output, TimeProvider = timeProvider ?? TimeProvider.System, ConfigureServices = configureServices, KeyVaultCredential = keyVaultCredential };
        var app = GatewayApp.Build(new LoadedConfig(config, paths, false), options);
        await app.StartAsync();
        return new GatewayHarness(app, output, GatewayApp.ListeningUri(app));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A TextWriter safe to write from the host's threads.</summary>
    private sealed class SynchronizedWriter : StringWriter
    {
        public override void WriteLine(string? value)
        {
            lock (this)
            {
                base.WriteLine(value);
            }
        }

        public override void Write(string? value)
        {
            lock (this)
            {
                base.Write(value);
            }
        }

        public override string ToString()
        {
            lock (this)
            {
                return base.ToString();
            }
        }
    }
}
