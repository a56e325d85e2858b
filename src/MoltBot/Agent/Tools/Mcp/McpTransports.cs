using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using MoltBot.Configuration;

namespace MoltBot.Agent.Tools.Mcp;

/// <summary>Builds the transport for one server: a child process over stdio, or the SDK's streamable HTTP.</summary>
internal static class McpTransports
{
    public static IClientTransport Create(string name, McpServerConfig config)
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
        return new StdioServerProcess(name, resolved, config.Args, environment);
    }
}
