namespace MoltBot.Configuration;

/// <summary><c>mcp.*</c>: the MCP servers whose tools the agent may use.</summary>
internal sealed record McpConfig
{
    /// <summary><c>mcp.servers.&lt;name&gt;</c>, by name.</summary>
    public IReadOnlyDictionary<string, McpServerConfig> Servers { get; init; } = new Dictionary<string, McpServerConfig>();
}

/// <summary>One MCP server: <see cref="Command"/> (stdio) or <see cref="Url"/> (streamable HTTP).</summary>
internal sealed record McpServerConfig
{
    public const int DefaultTimeoutSeconds = 60;

    public bool Enabled { get; init; } = true;
    public string? Command { get; init; }
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Variables added to the stdio server's scrubbed environment (values are secrets).</summary>
    public IReadOnlyDictionary<string, SecretValue> Env { get; init; } = new Dictionary<string, SecretValue>();
    public string? Url { get; init; }

    /// <summary>HTTP headers for a streamable-HTTP server (values are secrets).</summary>
    public IReadOnlyDictionary<string, SecretValue> Headers { get; init; } = new Dictionary<string, SecretValue>();
    public int TimeoutSeconds { get; init; } = DefaultTimeoutSeconds;

    /// <summary><c>ask: always</c>: each tool call waits for the owner's approval, as <c>exec</c> does.</summary>
    public bool AskAlways { get; init; }

    /// <summary><c>stdio</c> or <c>http</c>.</summary>
    public string Transport => Url is null ? "stdio" : "http";
}
