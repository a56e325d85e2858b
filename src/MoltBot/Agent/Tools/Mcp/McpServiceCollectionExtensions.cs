using Microsoft.Extensions.DependencyInjection;

namespace MoltBot.Agent.Tools.Mcp;

/// <summary>Registers the MCP servers of <c>mcp.servers</c> (gateway only): a tool source, a status source and a hosted service.</summary>
internal static class McpServiceCollectionExtensions
{
    public static IServiceCollection AddMcpServers(this IServiceCollection services)
    {
        services.AddSingleton<McpServers>();
        services.AddSingleton<IToolSource>(sp => sp.GetRequiredService<McpServers>());
        services.AddHostedService(sp => sp.GetRequiredService<McpServers>());
        return services;
    }
}
