using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Agent.Tools.Approvals;
using MoltBot.Agent.Tools.Exec;
using MoltBot.Agent.Tools.Files;
using MoltBot.Agent.Tools.Policy;

namespace MoltBot.Agent.Tools;

/// <summary>The agent's hands: exec/process, the workspace file tools, the tool policy, approvals and the tool-call records.</summary>
internal static class AgentToolsServiceCollectionExtensions
{
    public static IServiceCollection AddAgentTools(this IServiceCollection services)
    {
        services.AddSingleton<ToolPolicy>();
        services.AddSingleton<ToolInvoker>();
        services.AddSingleton<ISystemPromptSection, UntrustedContentPromptSection>();

        services.AddSingleton<ExecApprovals>();
        services.AddSingleton<ApprovalChatCommand>();
        services.AddSingleton<BubblewrapSandbox>();
        services.AddSingleton<ExecRunner>();
        services.AddSingleton<BackgroundProcesses>();
        services.AddSingleton<AIFunction, ExecTool>();
        services.AddSingleton<AIFunction, ProcessTool>();

        services.AddSingleton<AIFunction, ReadTool>();
        services.AddSingleton<AIFunction, WriteTool>();
        services.AddSingleton<AIFunction, EditTool>();
        services.AddSingleton<AIFunction, ListTool>();
        return services;
    }
}
