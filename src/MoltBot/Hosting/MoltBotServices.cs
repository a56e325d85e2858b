using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Agent;
using MoltBot.Agent.Budgets;
using MoltBot.Agent.Skills;
using MoltBot.Agent.Tools;
using MoltBot.Agent.Tools.Approvals;
using MoltBot.Agent.Tools.Web;
using MoltBot.Configuration;
using MoltBot.Hosting.Metrics;
using MoltBot.Memory;
using MoltBot.Providers;
using MoltBot.Security.Audit;
using MoltBot.Security.Redaction;
using MoltBot.Security.Secrets;
using MoltBot.Sessions;
using MoltBot.Storage;

namespace MoltBot.Hosting;

/// <summary>The services shared by the gateway host and the in-process CLI (<c>moltbot agent --local</c>).</summary>
internal static class MoltBotServices
{
    /// <param name="secrets">The resolved secrets (and their redactor); null: a store over <paramref name="loaded"/> without Key Vault reads.</param>
    public static IServiceCollection AddMoltBotCore(this IServiceCollection services, LoadedConfig loaded, TimeProvider timeProvider, SecretStore? secrets = null)
    {
        secrets ??= SecretStore.Create(loaded.Config);
        services.AddSingleton(loaded);
        services.AddSingleton(loaded.Config);
        services.AddSingleton(loaded.Paths);
        services.AddSingleton(timeProvider);
        services.AddSingleton(secrets);
        services.AddSingleton(secrets.Redactor);
        services.AddSingleton<ISecretRedactor>(secrets.Redactor);
        services.AddSingleton<IAuditLog>(NullAuditLog.Instance);
        services.AddSingleton(sp => new MoltBotMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(sp => new MessageTraffic(sp.Get<MoltBotMetrics>(), sp.Logger<MessageTraffic>()));
        services.AddSingleton(_ => new SqliteDatabase(loaded.Paths.DatabasePath));
        services.AddSingleton<IHostedService>(sp => new SqliteCheckpointer(sp.Get<SqliteDatabase>(), sp.Logger<SqliteCheckpointer>()));
        services.AddSingleton(sp => new SessionStore(sp.Get<SqliteDatabase>(), sp.Get<TimeProvider>(), sp.Get<ISecretRedactor>()));
        services.AddSingleton(_ => new SessionLanes());
        services.AddSingleton(sp => new ModelRouter(loaded.Config, timeProvider, new ModelRouterOptions { LoggerFactory = sp.Get<ILoggerFactory>(), Metrics = sp.Get<MoltBotMetrics>() }));
        services.AddSingleton(sp => new AgentCatalog(sp.Get<MoltBotConfig>(), sp.Get<MoltBotPaths>()));
        services.AddSingleton<AIFunction>(sp => new CurrentTimeTool(sp.Get<TimeProvider>()));
        services.AddAgentTools();
        services.AddWebTools(loaded.Config.Tools.Web);
        services.AddSkills();
        services.AddMemory(loaded.Config.Agents.Defaults.MemorySearch);
        services.AddSingleton(sp => new ToolRegistry(sp.All<AIFunction>(), sp.All<IToolSource>(), sp.Get<MoltBot.Agent.Tools.Policy.ToolPolicy>()));
        services.AddSingleton(sp => new SystemPromptBuilder(sp.Get<ToolRegistry>(), sp.Get<TimeProvider>(), sp.All<ISystemPromptSection>()));
        services.AddSingleton(sp => new ChatCommands(sp.Get<SessionStore>(), sp.Get<ModelRouter>(), sp.Get<AgentBudgets>()));
        services.AddSingleton(sp => new Compactor(sp.Get<SessionStore>(), sp.Logger<Compactor>(), sp.GetService<MemoryFlush>()));
        services.AddSingleton(sp => new AgentRunSlots(sp.Get<MoltBotConfig>()));
        services.AddSingleton(sp => new AgentRunner(
            sp.Get<AgentCatalog>(), sp.Get<SessionStore>(), sp.Get<SessionLanes>(), sp.Get<ModelRouter>(), sp.Get<ToolRegistry>(), sp.Get<SystemPromptBuilder>(),
            sp.Get<ChatCommands>(), sp.Get<Compactor>(), sp.Logger<AgentRunner>(), sp.Get<ToolInvoker>(), sp.Get<ApprovalChatCommand>(), sp.Get<AgentBudgets>(),
            sp.Get<MoltBotMetrics>(), sp.Get<AgentRunSlots>()));
        services.AddSingleton(sp => new UsageStore(sp.Get<SqliteDatabase>()));
        services.AddSingleton(sp => new AgentBudgets(sp.Get<MoltBotConfig>(), sp.Get<UsageStore>(), sp.Get<TimeProvider>(), sp.Logger<AgentBudgets>()));
        return services;
    }

    /// <summary>Creates every agent's workspace and opens the store, so problems surface at start-up, not on the first message.</summary>
    public static void WarmUp(IServiceProvider services)
    {
        services.GetRequiredService<SqliteDatabase>();
        foreach (var agent in services.GetRequiredService<AgentCatalog>().All)
        {
            new AgentWorkspace(agent.WorkspacePath).EnsureCreated(agent.Name);
        }
    }
}
