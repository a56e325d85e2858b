using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using MoltBot.Configuration;

namespace MoltBot.Agent.Tools.Mcp;

/// <summary>Builds the SDK transport for one server: a child process over stdio, or streamable HTTP.</summary>
internal static class McpTransports
{
    public static IClientTransport Create(string name, McpServerConfig config, StderrTail stderr)
    {
        if (config.Url is { } url)
        {
            return new HttpClientTransport(new HttpClientTransportOptions
            {
                Name = name,
                Endpoint = new Uri(url),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = config.Headers.ToDictionary(h => h.Key, h => h.Value.Value, StringComparer.OrdinalIgnoreCase),
            }, NullLoggerFactory.Instance);
        }
        var command = config.Command ?? throw new McpServerException($"set mcp.servers.{name}.command or mcp.servers.{name}.url");
        var environment = McpServerEnvironment.For(config.Env);
        var resolved = McpServerEnvironment.Resolve(command, environment["PATH"])
            ?? throw new McpServerException($"command '{command}' was not found (looked in PATH); install it or fix mcp.servers.{name}.command");
        // The SDK's loggers would print the command line and the server's stderr; our own events report failures, redacted.
        return new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = name,
            Command = resolved,
            Arguments = [.. config.Args],
            InheritEnvironmentVariables = false,
            EnvironmentVariables = environment,
            ShutdownTimeout = TimeSpan.FromSeconds(2),
            StandardErrorLines = stderr.Add,
        }, NullLoggerFactory.Instance);
    }
}
