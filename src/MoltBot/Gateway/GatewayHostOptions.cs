using Microsoft.Extensions.Logging;

namespace MoltBot.Gateway;

/// <summary>How the host is wired, beyond configuration: the seams tests use (time, output, log level).</summary>
internal sealed record GatewayHostOptions
{
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
    public TextWriter Output { get; init; } = Console.Out;
    /// <summary>Null: <c>logging.level</c> from the configuration.</summary>
    public LogLevel? MinimumLogLevel { get; init; }

    /// <summary>The credential for Key Vault secret references; null: Managed Identity (<c>AZURE_CLIENT_ID</c>) or <c>DefaultAzureCredential</c>.</summary>
    public Func<Azure.Core.TokenCredential>? KeyVaultCredential { get; init; }

    /// <summary>Runs after the gateway's own registrations, so tests can swap a seam (e.g. a recording <c>IAuditLog</c>).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }
}
