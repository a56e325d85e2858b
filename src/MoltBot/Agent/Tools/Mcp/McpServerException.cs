namespace MoltBot.Agent.Tools.Mcp;

/// <summary>An MCP server could not be started or reached; the message is shown in status (redacted).</summary>
internal sealed class McpServerException(string message) : Exception(message);
