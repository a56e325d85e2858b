using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Configuration;

namespace MoltBot.Agent.Skills;

internal static class SkillsServices
{
    /// <summary>The skill catalog, its system-prompt section and the <c>skill_read</c> tool.</summary>
    public static IServiceCollection AddSkills(this IServiceCollection services, SkillHost? host = null)
    {
        services.AddSingleton(sp => new SkillCatalog(sp.GetRequiredService<MoltBotConfig>().Skills, sp.GetRequiredService<MoltBotPaths>(), host ?? SkillHost.FromProcess()));
        services.AddSingleton<ISystemPromptSection, SkillsPromptSection>();
        services.AddSingleton<AIFunction, SkillReadTool>();
        return services;
    }
}
