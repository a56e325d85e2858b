using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Agent;
using MoltBot.Agent.Tools.Approvals;
using MoltBot.Agent.Tools.Mcp;
using MoltBot.Channels;
using MoltBot.Channels.Discord;
using MoltBot.Channels.Telegram;
using MoltBot.Configuration;
using MoltBot.ControlUi;
using MoltBot.Gateway.OpenAi;
using MoltBot.Gateway.Security;
using MoltBot.Gateway.Sockets;
using MoltBot.Gateway.Status;
using MoltBot.Hosting;
using MoltBot.Hosting.Metrics;
using MoltBot.Hosting.WorkingSet;
using MoltBot.Security.Audit;
using MoltBot.Security.Redaction;
using MoltBot.Security.Secrets;
using MoltBot.Storage;

namespace MoltBot.Gateway;

/// <summary>The gateway host: one port for the HTTP API (and, later, WebSocket and Control UI).</summary>
internal static partial class GatewayApp
{
    public static WebApplication Build(LoadedConfig loaded, GatewayHostOptions? options = null)
    {
        options ??= new GatewayHostOptions();
        // Secrets first: Key Vault values are needed to check the models and the token, and the redactor to log anything.
        var secrets = SecretStore.Create(loaded.Config, options.KeyVaultCredential);
        secrets.Resolve(CancellationToken.None);
        AgentModelValidator.Validate(loaded, new Providers.ModelRouter(loaded.Config, options.TimeProvider));
        StateFiles.EnsurePrivateFolder(loaded.Paths.StateDir);
        var token = GatewayToken.Resolve(loaded.Config, loaded.Paths);
        if (!token.GeneratedNow)
        {
            secrets.Redactor.Add(token.Value); // a generated one is printed once at start-up, then added (OnStarted)
        }
        GatewayExposureCheck.ThrowIfUnsafe(loaded.Config.Gateway, token);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        var logLevel = options.MinimumLogLevel ?? LogOutput.LevelOf(loaded.Config.Logging);
        builder.Logging.AddProvider(LogOutput.CreateProvider(loaded.Config.Logging, options.Output, logLevel, options.TimeProvider, secrets.Redactor));
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(GatewayBinding.Resolve(loaded.Config.Gateway.Bind), loaded.Config.Gateway.Port);
        });
        // The slim builder's startup filters add host filtering (a no-op without AllowedHosts, yet its set-up by reflection
        // was ~3% of start-up) and ASPNETCORE_FORWARDEDHEADERS_ENABLED; proxies are gateway.trustedProxies instead.
        builder.Services.RemoveAll<IStartupFilter>();
        builder.Services.AddMoltBotCore(loaded, options.TimeProvider, secrets);
        builder.Services.AddMcpServers();
        builder.Services.AddSqliteAuditLog(); // before the channels: stops (and flushes) after them
        builder.Services.AddSecretRotation();
        builder.Services.AddChannelDelivery();
        builder.Services.AddDiscord(loaded.Config.Channels.Discord);
        builder.Services.AddTelegram(loaded.Config);
        builder.Services.AddSingleton(token);
        builder.Services.AddSingleton(sp => new GatewayReadiness(sp.Get<TimeProvider>()));
        builder.Services.AddWorkingSetTrim(loaded.Config.Gateway);
        builder.Services.AddMoltBotMetricsExport(loaded.Config.Gateway.Metrics);
        builder.Services.AddSingleton(new GatewayRunMarker(loaded.Paths.StateDir, options.TimeProvider));
        builder.Services.AddGatewaySecurity(loaded.Config.Gateway);
        builder.Services.AddGatewaySockets();
        options.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseGatewaySecurity();
        app.UseGatewaySockets();
        app.Use(next => new GatewayAuthMiddleware(next, app.Services.Get<GatewayAuthGuard>()).InvokeAsync);
        app.MapHealth();
        app.MapControlUi();
        app.MapOpenAiCompatible();
        app.MapStatus();
        app.MapApprovals();
        app.MapTelegramWebhook();
        app.MapMetrics(loaded.Config.Gateway.Metrics);

        app.Lifetime.ApplicationStarted.Register(() => OnStarted(app, token));
        app.Lifetime.ApplicationStopped.Register(() => app.Services.GetRequiredService<GatewayRunMarker>().Stop(MoltBotVersion.Current));
        return app;
    }

    /// <summary>The address Kestrel actually bound (port 0 resolves to a real port).</summary>
    public static Uri ListeningUri(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal));
    }

    private static void OnStarted(WebApplication app, GatewayToken token)
    {
        MoltBotServices.WarmUp(app.Services);
        Memory.MemoryServices.WarmUp(app.Services);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MoltBot.Gateway.Host");
        var agents = app.Services.GetRequiredService<AgentCatalog>();
        var loaded = app.Services.GetRequiredService<LoadedConfig>();
        var uri = ListeningUri(app);
        var bindHost = loaded.Config.Gateway.Bind switch { "loopback" => "127.0.0.1", "lan" => "0.0.0.0", var b => b };

        if (agents.Default.PrimaryModel is { } model)
        {
            LogAgentModel(logger, model);
        }
        else
        {
            LogNoModel(logger);
        }
        LogListening(logger, bindHost, uri.Port);
        if (token.GeneratedNow)
        {
            LogTokenGenerated(logger, token.Value, token.Source);
            app.Services.GetRequiredService<KnownSecretsRedactor>().Add(token.Value);
        }
        var controlUi = $"http://{(bindHost == "0.0.0.0" ? "127.0.0.1" : bindHost)}:{uri.Port}/";
        LogControlUi(logger, controlUi);
        app.Services.GetRequiredService<GatewayReadiness>().MarkReady();
        var previousExit = app.Services.GetRequiredService<GatewayRunMarker>().Start(MoltBotVersion.Current);
        LogStarted(logger, MoltBotVersion.Current, Environment.ProcessId, previousExit);
    }

    [LoggerMessage(EventId = 1, EventName = EventNames.AgentModel, Level = LogLevel.Information, Message = "agent model: {Model}")]
    private static partial void LogAgentModel(ILogger logger, string model);

    [LoggerMessage(EventId = 2, EventName = EventNames.NoModel, Level = LogLevel.Warning,
        Message = "no model configured: set OPENROUTER_API_KEY (or OPENAI_API_KEY, ANTHROPIC_API_KEY, AZURE_OPENAI_ENDPOINT), or agents.defaults.model.primary in moltbot.json")]
    private static partial void LogNoModel(ILogger logger);

    [LoggerMessage(EventId = 3, EventName = EventNames.GatewayListening, Level = LogLevel.Information, Message = "listening on ws://{Host}:{Port}")]
    private static partial void LogListening(ILogger logger, string host, int port);

    // The one place a secret is printed: the first start, so the owner can copy it. It is never logged again.
    [LoggerMessage(EventId = 4, EventName = EventNames.GatewayTokenGenerated, Level = LogLevel.Information,
        Message = "generated a gateway token (shown once; stored in {Path}): {Token}")]
    private static partial void LogTokenGenerated(ILogger logger, string token, string path);

    [LoggerMessage(EventId = 5, EventName = EventNames.ControlUiUrl, Level = LogLevel.Information, Message = "Control UI: {Url} (API clients send the gateway token as a bearer token)")]
    private static partial void LogControlUi(ILogger logger, string url);

    [LoggerMessage(EventId = 6, EventName = EventNames.GatewayStarted, Level = LogLevel.Information,
        Message = "gateway started (version {Version}, pid {Pid}; previous run: {PreviousExit})")]
    private static partial void LogStarted(ILogger logger, string version, int pid, string previousExit);
}
