using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Agent;
using MoltBot.Agent.Skills;
using MoltBot.Agent.Budgets;
using MoltBot.Agent.Tools;
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
        services.AddSingleton<MoltBotMetrics>();
        services.AddSingleton<MessageTraffic>();
        services.AddSingleton(_ => new SqliteDatabase(loaded.Paths.DatabasePath));
        services.AddSingleton<IHostedService, SqliteCheckpointer>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionLanes>();
        services.AddSingleton(sp => new ModelRouter(loaded.Config, timeProvider, new ModelRouterOptions { LoggerFactory = sp.GetRequiredService<ILoggerFactory>(), Metrics = sp.GetRequiredService<MoltBotMetrics>() }));
        services.AddSingleton<AgentCatalog>();
        services.AddSingleton<AIFunction, CurrentTimeTool>();
        services.AddAgentTools();
        services.AddWebTools(loaded.Config.Tools.Web);
        services.AddSkills();
        services.AddMemory(loaded.Config.Agents.Defaults.MemorySearch);
        services.AddSingleton(sp => new ToolRegistry(sp.GetServices<AIFunction>(), sp.GetServices<IToolSource>(), sp.GetRequiredService<MoltBot.Agent.Tools.Policy.ToolPolicy>()));
        services.AddSingleton<SystemPromptBuilder>();
        services.AddSingleton<ChatCommands>();
        services.AddSingleton<Compactor>();
        services.AddSingleton<AgentRunSlots>();
        services.AddSingleton<AgentRunner>();
        services.AddSingleton<UsageStore>();
        services.AddSingleton<AgentBudgets>();
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
