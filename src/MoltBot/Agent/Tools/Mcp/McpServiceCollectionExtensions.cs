using Microsoft.Extensions.DependencyInjection;
using MoltBot.Agent.Tools.Approvals;
using MoltBot.Configuration;
using MoltBot.Hosting;
using MoltBot.Security.Redaction;

namespace MoltBot.Agent.Tools.Mcp;

/// <summary>Registers the MCP servers of <c>mcp.servers</c> (gateway only): a tool source, a status source and a hosted service.</summary>
internal static class McpServiceCollectionExtensions
{
    public static IServiceCollection AddMcpServers(this IServiceCollection services)
    {
        services.AddSingleton(sp => new McpServers(sp.Get<MoltBotConfig>(), sp.Get<ISecretRedactor>(), sp.Get<ExecApprovals>(), sp.Get<TimeProvider>(), sp.Logger<McpServers>()));
        services.AddSingleton<IToolSource>(sp => sp.Get<McpServers>());
        services.AddHostedService(sp => sp.Get<McpServers>());
        return services;
    }
}
