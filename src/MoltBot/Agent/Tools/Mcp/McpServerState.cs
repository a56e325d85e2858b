namespace MoltBot.Agent.Tools.Mcp;

/// <summary>The states an MCP server shows in status.</summary>
internal static class McpServerState
{
    public const string Starting = "starting";
    public const string Connected = "connected";
    public const string Failed = "failed";
    public const string Disabled = "disabled";
}
