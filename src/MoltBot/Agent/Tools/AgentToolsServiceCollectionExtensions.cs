using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Agent.Tools.Approvals;
using MoltBot.Agent.Tools.Exec;
using MoltBot.Agent.Tools.Files;
using MoltBot.Agent.Tools.Policy;
using MoltBot.Configuration;
using MoltBot.Hosting;
using MoltBot.Hosting.Metrics;
using MoltBot.Security.Audit;
using MoltBot.Security.Redaction;

namespace MoltBot.Agent.Tools;

/// <summary>The agent's hands: exec/process, the workspace file tools, the tool policy, approvals and the tool-call records.</summary>
internal static class AgentToolsServiceCollectionExtensions
{
    public static IServiceCollection AddAgentTools(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ToolPolicy(sp.Get<MoltBotConfig>()));
        services.AddSingleton(sp => new ToolInvoker(sp.Get<ToolRegistry>(), sp.Get<ISecretRedactor>(), sp.Get<MoltBotMetrics>(), sp.Get<TimeProvider>(), sp.Logger<ToolInvoker>()));
        services.AddSingleton<ISystemPromptSection>(_ => new UntrustedContentPromptSection());

        services.AddSingleton(sp => new ExecApprovals(
            sp.Get<MoltBotConfig>(), sp.Get<TimeProvider>(), sp.All<IApprovalNotifier>(), sp.Get<ISecretRedactor>(), sp.Get<IAuditLog>(), sp.Logger<ExecApprovals>()));
        services.AddSingleton(sp => new ApprovalChatCommand(sp.Get<ExecApprovals>()));
        services.AddSingleton(_ => new BubblewrapSandbox());
        services.AddSingleton(sp => new ExecRunner(sp.Get<MoltBotConfig>(), sp.Get<BubblewrapSandbox>(), sp.Get<TimeProvider>()));
        services.AddSingleton(sp => new BackgroundProcesses(sp.Get<ExecRunner>()));
        services.AddSingleton<AIFunction>(sp => new ExecTool(
            sp.Get<ExecRunner>(), sp.Get<ExecApprovals>(), sp.Get<BackgroundProcesses>(), sp.Get<IAuditLog>(), sp.Get<ISecretRedactor>()));
        services.AddSingleton<AIFunction>(sp => new ProcessTool(sp.Get<BackgroundProcesses>(), sp.Get<TimeProvider>()));

        services.AddSingleton<AIFunction>(_ => new ReadTool());
        services.AddSingleton<AIFunction>(_ => new WriteTool());
        services.AddSingleton<AIFunction>(_ => new EditTool());
        services.AddSingleton<AIFunction>(_ => new ListTool());
        return services;
    }
}
