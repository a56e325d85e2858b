using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Configuration;
using MoltBot.Hosting;

namespace MoltBot.Agent.Skills;

internal static class SkillsServices
{
    /// <summary>The skill catalog, its system-prompt section and the <c>skill_read</c> tool.</summary>
    public static IServiceCollection AddSkills(this IServiceCollection services, SkillHost? host = null)
    {
        services.AddSingleton(sp => new SkillCatalog(sp.Get<MoltBotConfig>().Skills, sp.Get<MoltBotPaths>(), host ?? SkillHost.FromProcess()));
        services.AddSingleton<ISystemPromptSection>(sp => new SkillsPromptSection(sp.Get<SkillCatalog>()));
        services.AddSingleton<AIFunction>(sp => new SkillReadTool(sp.Get<SkillCatalog>(), sp.Get<AgentCatalog>()));
        return services;
    }
}
