using Microsoft.Extensions.DependencyInjection;
using MoltBot.Configuration;
using MoltBot.Gateway;

namespace MoltBot.Hosting.WorkingSet;

internal static class WorkingSetServiceCollectionExtensions
{
    /// <summary>The working-set trims after start-up and after work (<c>gateway.trimWorkingSet</c>, on by default).</summary>
    public static IServiceCollection AddWorkingSetTrim(this IServiceCollection services, GatewayConfig config)
    {
        if (config.TrimWorkingSet)
        {
            services.AddSingleton(_ => QuietSpell.OfThisProcess());
            services.AddHostedService(sp => new WorkingSetTrimService(sp.Get<GatewayReadiness>(), sp.Get<QuietSpell>(), sp.Get<TimeProvider>(), sp.Logger<WorkingSetTrimService>()));
        }
        return services;
    }
}
